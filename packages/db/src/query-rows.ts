import type { SQL } from 'drizzle-orm';
import type { Executor } from './database';

/**
 * Runs raw SQL and returns its rows. Both drivers (node-postgres and PGlite) return rows
 * under `rows`, but Drizzle's common type does not say so.
 */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return (result as { rows: T[] }).rows;
}
