import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { attachments, documents } from '@okno/db/documents';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

export async function findDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

/** The agencies whose applications a document is attached to. */
export async function agenciesOf(db: Executor, documentId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agency: attachments.agencyCode })
    .from(attachments)
    .where(eq(attachments.documentId, documentId));
  return rows.map((r) => r.agency);
}

/** What an applicant's uploads hold in all (issued results do not count). */
export async function usedQuota(db: Executor, ownerSub: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(sum(${documents.sizeBytes}), 0)` })
    .from(documents)
    .where(and(eq(documents.ownerSub, ownerSub), eq(documents.kind, 'uploaded')));
  return Number(row?.used ?? 0);
}

/** The same bytes already in the wallet: a retried upload finds what the first one stored. */
export async function findUploadedCopy(
  db: Executor,
  ownerSub: string,
  sha256: string,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.ownerSub, ownerSub),
        eq(documents.kind, 'uploaded'),
        eq(documents.sha256, sha256),
      ),
    )
    .limit(1);
  return row;
}
