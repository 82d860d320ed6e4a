import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { newId, type Executor } from '@okno/db';
import { applicationRegistryRequests } from '@okno/db/applications';
import type { RegistryDocument } from '../model/registry-requests';

export type RegistryRequestRow = typeof applicationRegistryRequests.$inferSelect;
type RegistryRequestChanges = Partial<typeof applicationRegistryRequests.$inferInsert>;
const r = applicationRegistryRequests;

/** Opens one request per document, due now. */
export async function insertRegistryRequests(
  tx: Executor,
  applicationId: string,
  documents: readonly RegistryDocument[],
  legalBasis: { ru: string; en: string },
  now: Date,
) {
  if (documents.length === 0) return;
  await tx.insert(r).values(
    documents.map((document) => ({
      id: newId(),
      applicationId,
      ...document,
      legalBasis,
      status: 'open' as const,
      nextAttemptAt: now,
    })),
  );
}

export async function registryRequestsOf(db: Executor, applicationId: string) {
  return db.select().from(r).where(eq(r.applicationId, applicationId)).orderBy(asc(r.documentCode));
}

/**
 * Takes up to `limit` due requests for this sender: each is leased (its next attempt moved
 * to `leaseUntil`) so no other replica sends it meanwhile, and sent again if this one dies.
 * SKIP LOCKED lets replicas claim side by side without waiting for each other.
 */
export async function claimDueRequests(
  db: Executor,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<RegistryRequestRow[]> {
  const due = db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.status, 'open'), lte(r.nextAttemptAt, now)))
    .orderBy(asc(r.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(r)
    .set({ nextAttemptAt: leaseUntil, firstSentAt: sql`coalesce(${r.firstSentAt}, ${now})` })
    .where(inArray(r.id, due))
    .returning();
}

/**
 * Writes what came of a send, if this sender still holds the lease: a sender that took so
 * long that another claimed the request meanwhile writes nothing (the other one will).
 */
export async function settleClaimedRequest(
  tx: Executor,
  claimed: RegistryRequestRow,
  changes: RegistryRequestChanges,
): Promise<RegistryRequestRow | undefined> {
  const [row] = await tx
    .update(r)
    .set(changes)
    .where(
      and(eq(r.id, claimed.id), eq(r.status, 'open'), eq(r.nextAttemptAt, claimed.nextAttemptAt)),
    )
    .returning();
  return row;
}

/** Re-opens a request that failed, due now, from its first attempt. */
export async function reopenRegistryRequest(tx: Executor, id: string, now: Date) {
  const [row] = await tx
    .update(r)
    .set({ status: 'open', attempt: 1, nextAttemptAt: now, lastError: null })
    .where(and(eq(r.id, id), eq(r.status, 'failed')))
    .returning();
  return row;
}

/** How many of an application's requests are still open. */
export async function openRequestCount(tx: Executor, applicationId: string): Promise<number> {
  const [row] = await tx
    .select({ open: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.applicationId, applicationId), eq(r.status, 'open')));
  return row?.open ?? 0;
}
