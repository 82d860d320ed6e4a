import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrate, type DatabaseHandle } from './index';

/**
 * The PostgreSQL server tests run against, when set (CI sets it for the second pass).
 * Otherwise tests run on embedded PGlite. Either way the database is real and migrated.
 */
export const testDatabaseUrl = process.env['TEST_DATABASE_URL'] || undefined;
export const testDatabaseKind = testDatabaseUrl ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database
 * on the test PostgreSQL server that is dropped again on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) {
    const handle = await createDb();
    await migrate(handle);
    return handle;
  }
  const name = `okno_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), maxConnections: 20 });
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A URL for a fresh, empty (unmigrated) PostgreSQL database, for process-level tests. */
export async function createEmptyPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `okno_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
