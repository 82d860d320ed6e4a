import type { Principal } from '@okno/auth';
import type { Executor } from '@okno/db';
import { notFound } from '@okno/http';
import { mayReadDocument } from '../model/document-access';
import { agenciesOf, findDocument, type DocumentRow } from '../store/document-store';

/**
 * The document, if the caller may read it; otherwise 404, so nobody learns that a document
 * they may not see exists.
 */
export async function readableDocument(
  db: Executor,
  region: string,
  principal: Principal,
  id: string,
): Promise<DocumentRow> {
  const row = await findDocument(db, id);
  if (row) {
    const facts = { region, ownerSub: row.ownerSub, agencies: await agenciesOf(db, id) };
    if (mayReadDocument(principal, facts)) return row;
  }
  throw notFound(`There is no document ${id} that you may read.`);
}
