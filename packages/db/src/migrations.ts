import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from './database';
import { queryRows } from './query-rows';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
const config = {
  migrationsFolder,
  migrationsSchema: 'drizzle',
  migrationsTable: '__drizzle_migrations',
};

/** Arbitrary constant: every Okno process migrating the same database takes this lock. */
const MIGRATION_LOCK = 7_303_030_001;

/**
 * Applies the committed migrations. On PostgreSQL several processes (one per service) may
 * start at once, so migration runs under an advisory lock: one migrates, the others wait
 * and then find nothing left to do.
 */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as PgliteDatabase, config);
    return;
  }
  const db = handle.db as NodePgDatabase;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePostgres(tx as unknown as NodePgDatabase, config);
  });
}

/** How many committed migrations the database has not applied yet. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  const expected = readMigrationFiles(config).map((m) => m.hash);
  let applied: Set<string>;
  try {
    const rows = await queryRows<{ hash: string }>(
      handle.db,
      sql`select hash from drizzle.__drizzle_migrations`,
    );
    applied = new Set(rows.map((r) => r.hash));
  } catch {
    return expected.length; // no migrations table yet
  }
  return expected.filter((hash) => !applied.has(hash)).length;
}
