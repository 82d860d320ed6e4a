import type { Database } from '@okno/db';
import {
  applications,
  applicationsIdempotencyKeys,
  applicationsOutbox,
} from '@okno/db/applications';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { RushLog } from './rush-log';

export interface RushAudit {
  acknowledgedDrafts: number;
  acknowledgedSubmissions: number;
  draftsInDatabase: number;
  submittedInDatabase: number;
  submittedButNotAcknowledged: number;
  /** Each acknowledged write that is not in the database as acknowledged, or is there twice. */
  problems: string[];
}

/**
 * Holds what a rush acknowledged (`log`) against the database: every acknowledged draft and
 * submission is there, once, as acknowledged; no application was written without its key;
 * no number was given twice; each submission was announced exactly once.
 */
export async function auditRush(
  db: Database,
  log: RushLog,
  run: string,
  serviceCode = 'school-enrolment',
): Promise<RushAudit> {
  const problems: string[] = [];

  const draftOfKey = await draftsOfRun(db, run);
  const rows = await db
    .select({ id: applications.id, number: applications.number, status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.serviceCode, serviceCode),
        sql`${applications.createdAt} >= (select min(${applicationsIdempotencyKeys.createdAt}) - interval '1 minute'
          from ${applicationsIdempotencyKeys} where ${applicationsIdempotencyKeys.key} like ${`rush-${run}-%`})`,
      ),
    );
  const rowById = new Map(rows.map((r) => [r.id, r]));

  for (const [id, key] of log.drafts) {
    if (!rowById.has(id)) problems.push(`acknowledged draft ${id} (${key}) is missing`);
    if (draftOfKey.get(key) !== id) problems.push(`key ${key} does not lead to draft ${id}`);
  }
  for (const [id, number] of log.submitted) {
    const row = rowById.get(id);
    if (!row) problems.push(`acknowledged submission ${id} (${number}) is missing`);
    else if (row.number !== number || row.status === 'draft') {
      problems.push(
        `submission ${id} was acknowledged as ${number} but is ${row.status} ${row.number}`,
      );
    }
  }
  // A row no key of the run leads to was written twice (or by someone else during the run).
  const keyedIds = new Set(draftOfKey.values());
  for (const row of rows) {
    if (!keyedIds.has(row.id)) problems.push(`application ${row.id} was written without its key`);
  }
  const numbers = rows.flatMap((r) => (r.number ? [r.number] : []));
  if (new Set(numbers).size !== numbers.length) problems.push('two applications share a number');

  // Each submission announced exactly once (the payments and notifications it starts).
  const submittedIds = [...log.submitted.keys()];
  const announced =
    submittedIds.length === 0
      ? []
      : await db
          .select({ id: sql<string>`${applicationsOutbox.payload}->>'applicationId'` })
          .from(applicationsOutbox)
          .where(
            and(
              eq(applicationsOutbox.type, 'applications.application.submitted'),
              inArray(sql`${applicationsOutbox.payload}->>'applicationId'`, submittedIds),
            ),
          );
  const announcements = new Map<string, number>();
  for (const { id } of announced) announcements.set(id, (announcements.get(id) ?? 0) + 1);
  for (const id of submittedIds) {
    const times = announcements.get(id) ?? 0;
    if (times !== 1) problems.push(`submission ${id} was announced ${times} times`);
  }

  const submittedInDatabase = rows.filter((r) => r.status !== 'draft').length;
  return {
    acknowledgedDrafts: log.drafts.size,
    acknowledgedSubmissions: log.submitted.size,
    draftsInDatabase: rows.length,
    submittedInDatabase,
    submittedButNotAcknowledged: submittedInDatabase - log.submitted.size,
    problems,
  };
}

/**
 * Every draft a run created, found through the keys it sent (`rush-<run>-…-draft`), whether
 * or not the answer reached the client: key → draft id.
 */
export async function draftsOfRun(db: Database, run: string): Promise<Map<string, string>> {
  const keyed = await db
    .select({ key: applicationsIdempotencyKeys.key, body: applicationsIdempotencyKeys.body })
    .from(applicationsIdempotencyKeys)
    .where(like(applicationsIdempotencyKeys.key, `rush-${run}-%-draft`));
  return new Map(keyed.map((k) => [k.key, (JSON.parse(k.body) as { id: string }).id]));
}
