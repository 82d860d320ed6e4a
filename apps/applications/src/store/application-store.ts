import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { newId, queryRows, type Executor } from '@okno/db';
import {
  applicationNumbers,
  applications,
  applicationsOutbox,
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
 * Gives a submitted application the next number of its prefix and year, in one statement that
 * also writes the number into the events announcing it (already in the outbox, unpublished
 * until commit). The counter row is the one place every submission of the region meets: a
 * transaction holds its lock until it commits, so this is its last statement but one (before
 * the Idempotency-Key's answer), never followed by other work. Rolled back, it gives its number
 * back: the numbers have no gaps.
 */
export async function numberApplication(
  tx: Executor,
  target: { applicationId: string; eventIds: readonly string[]; prefix: string; year: number },
): Promise<string> {
  const { applicationId, eventIds, prefix, year } = target;
  const rows = await queryRows<{ number: string }>(
    tx,
    sql`with taken as (
        insert into ${applicationNumbers} (prefix, year, last) values (${prefix}, ${year}, 1)
        on conflict (prefix, year) do update set last = ${applicationNumbers.last} + 1
        returning last
      ), numbered as (
        update ${applications}
        set number = ${prefix}::text || '-' || ${String(year)}::text || '-' || lpad(taken.last::text, greatest(7, length(taken.last::text)), '0')
        from taken where ${applications.id} = ${applicationId}
        returning ${applications.number} as number
      ), announced as (
        update ${applicationsOutbox}
        set payload = jsonb_set(${applicationsOutbox.payload}, '{number}', to_jsonb(numbered.number))
        from numbered where ${
          eventIds.length === 0
            ? sql`false`
            : sql`${applicationsOutbox.id} in (${sql.join(
                eventIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
        }
      )
      select number from numbered`,
  );
  const [row] = rows;
  if (!row) throw new Error(`application ${applicationId} to number was not found`);
  return row.number;
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
