import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { newId, type Executor } from '@okno/db';
import {
  applicationNumbers,
  applications,
  applicationTransitions,
  type Channel,
} from '@okno/db/applications';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = typeof applications.$inferInsert;

export async function insertApplication(tx: Executor, row: NewApplicationRow) {
  const [inserted] = await tx.insert(applications).values(row).returning();
  if (!inserted) throw new Error('application insert returned nothing');
  return inserted;
}

export async function findApplication(db: Executor, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The application, locked until the transaction ends: a step reads and writes it as one. */
export async function lockApplication(tx: Executor, id: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

/** Writes changes and bumps the revision (the ETag). */
export async function updateApplication(
  tx: Executor,
  current: ApplicationRow,
  changes: Partial<NewApplicationRow>,
) {
  const [updated] = await tx
    .update(applications)
    .set({ ...changes, revision: current.revision + 1, updatedAt: new Date() })
    .where(eq(applications.id, current.id))
    .returning();
  if (!updated) throw new Error(`application ${current.id} vanished while locked`);
  return updated;
}

export interface TransitionRecord {
  applicationId: string;
  step: string;
  fromStatus: string | null;
  toStatus: string;
  actorSubject: string;
  actorRoles: readonly string[];
  channel: Channel | null;
  officeCode: string | null;
  reason: string | null;
}

export async function recordTransition(tx: Executor, t: TransitionRecord) {
  await tx
    .insert(applicationTransitions)
    .values({ id: newId(), ...t, actorRoles: [...t.actorRoles] });
}

export async function transitionsOf(db: Executor, applicationId: string) {
  return db
    .select()
    .from(applicationTransitions)
    .where(eq(applicationTransitions.applicationId, applicationId))
    .orderBy(applicationTransitions.at, applicationTransitions.id);
}

/**
 * The next number in a prefix's year. The counter row stays locked until the submission
 * commits, so concurrent submissions take consecutive numbers and a rollback returns its own.
 */
export async function nextSequence(tx: Executor, prefix: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(applicationNumbers)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [applicationNumbers.prefix, applicationNumbers.year],
      set: { last: sql`${applicationNumbers.last} + 1` },
    })
    .returning({ last: applicationNumbers.last });
  if (!row) throw new Error('number counter returned nothing');
  return row.last;
}

/** The applications of a person, or of a company they represent, newest first. */
export async function listOwn(
  db: Executor,
  owner: { subject: string; company?: string | undefined },
  page: { limit: number; before?: string | undefined },
) {
  const a = applications;
  const mine: SQL[] = [eq(a.applicantSubject, owner.subject)];
  if (owner.company) mine.push(eq(a.company, owner.company));
  return db
    .select()
    .from(a)
    .where(and(or(...mine), page.before ? lt(a.id, page.before) : undefined))
    .orderBy(desc(a.id))
    .limit(page.limit + 1);
}
