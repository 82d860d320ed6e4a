import { TransactionRollbackError } from 'drizzle-orm';
import type { Database, Executor } from './database';

/**
 * Runs work in one transaction; for a dry run, the same work rolled back, so what it reports
 * is exactly what the real run would do (imports' `dryRun`).
 */
export async function inTransaction<T>(
  db: Database,
  dryRun: boolean,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      result = { value: await work(tx) };
      if (dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  if (!result) throw new Error('the transaction ended without a result');
  return result.value;
}
