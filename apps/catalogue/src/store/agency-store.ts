import { isDeepStrictEqual } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { newId, type Executor } from '@okno/db';
import { agencies } from '@okno/db/catalogue';
import type { FieldError } from '@okno/http';
import type { AgencyContent } from '../model/agency';
import type { Author } from './publication';

/**
 * Why each of these agency codes cannot take a new service or office (absent: it can). Read
 * in the writer's own transaction and locked against retirement until it ends, so an agency
 * cannot be retired between the check and the write going in.
 */
export async function agencyProblems(
  tx: Executor,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  const rows =
    wanted.length === 0
      ? []
      : await tx.select().from(agencies).where(inArray(agencies.code, wanted)).for('share');
  const found = new Map(rows.map((r) => [r.code, r]));
  const problems = new Map<string, string>();
  for (const code of wanted) {
    const agency = found.get(code);
    if (!agency) problems.set(code, `there is no agency "${code}"`);
    else if (agency.retiredAt) problems.set(code, `the agency "${code}" is retired`);
  }
  return problems;
}

/** Why an agency code cannot take a new service or office, as a field error at `pointer`. */
export async function agencyError(
  tx: Executor,
  code: string,
  pointer: string,
): Promise<FieldError | undefined> {
  const message = (await agencyProblems(tx, [code])).get(code);
  return message === undefined ? undefined : { location: 'body', pointer, message };
}

export type AgencyRow = typeof agencies.$inferSelect;
export type Outcome = 'added' | 'changed' | 'unchanged';

/**
 * Creates or renames an agency (a retired one comes back), audited; the same name again
 * changes nothing and records nothing.
 */
export async function saveAgency(
  tx: Executor,
  code: string,
  name: AgencyContent['name'],
  author: Author,
): Promise<{ row: AgencyRow; outcome: Outcome }> {
  const [before] = await tx.select().from(agencies).where(eq(agencies.code, code)).for('update');
  if (before && !before.retiredAt && isDeepStrictEqual(before.name, name)) {
    return { row: before, outcome: 'unchanged' };
  }
  const [row] = before
    ? await tx
        .update(agencies)
        .set({ name, retiredAt: null, updatedAt: new Date() })
        .where(eq(agencies.id, before.id))
        .returning()
    : await tx.insert(agencies).values({ id: newId(), code, name }).returning();
  if (!row) throw new Error('agency upsert returned nothing');
  await recordAudit(tx, {
    kind: 'agency-saved',
    ...actorOf(author.principal, author.requestId),
    target: code,
    details: {
      before: before ? { name: before.name, retired: before.retiredAt !== null } : null,
      after: { name: row.name },
      ...(author.import && { import: true }),
    },
  });
  return { row, outcome: before ? 'changed' : 'added' };
}

/** Retires an agency, audited; undefined if there is none, the row as it was if retired. */
export async function retireAgency(
  tx: Executor,
  code: string,
  author: Author,
): Promise<AgencyRow | undefined> {
  const [row] = await tx.select().from(agencies).where(eq(agencies.code, code)).for('update');
  if (!row || row.retiredAt) return row;
  const [retired] = await tx
    .update(agencies)
    .set({ retiredAt: new Date(), updatedAt: new Date() })
    .where(eq(agencies.id, row.id))
    .returning();
  if (!retired) throw new Error('agency retire returned nothing');
  await recordAudit(tx, {
    kind: 'agency-retired',
    ...actorOf(author.principal, author.requestId),
    target: code,
    details: { ...(author.import && { import: true }) },
  });
  return retired;
}
