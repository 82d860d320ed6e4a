import { eq, lt } from 'drizzle-orm';
import type { Database } from '@okno/db';
import { pendingUploads } from '@okno/db/documents';
import type { ObjectStorage } from '@okno/storage';

/** Longer than any upload takes: a pending row this old was left by a crash. */
export const ORPHAN_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Removes what crashed uploads left: for each pending row older than `ORPHAN_AFTER_MS`, the
 * object (whole or partial, if any) and then the row. Idempotent, safe on several replicas.
 */
export async function sweepOrphans(db: Database, storage: ObjectStorage, now: Date) {
  const stale = await db
    .select()
    .from(pendingUploads)
    .where(lt(pendingUploads.startedAt, new Date(now.getTime() - ORPHAN_AFTER_MS)))
    .limit(500);
  for (const { storageKey } of stale) {
    await storage.delete(storageKey);
    await db.delete(pendingUploads).where(eq(pendingUploads.storageKey, storageKey));
  }
  return { removed: stale.length };
}
