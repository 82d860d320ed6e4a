import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle } from './database';
import { traceQueries } from './traced-queries';

export interface CreateDbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; when absent too, PGlite runs in memory (tests). */
  dataDir?: string | undefined;
  /** node-postgres pool size. */
  maxConnections?: number;
  /** Sees every statement and its parameters (tests and benches that need the exact SQL). */
  logger?: Logger;
}

/**
 * The seam between the schema and the transport: node-postgres when a URL is given,
 * embedded PGlite otherwise. Same schema, same migrations, same queries.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
    });
    // A lost server (a crash, a restart, a failover) must not crash the process. The pool
    // handles an idle client's error; a client checked out (mid-transaction, between two
    // statements) has no listener of its own and would emit an unhandled 'error'. Its next
    // statement fails instead, and the pool drops it when it is released with that error.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    traceQueries(pool, new URL(options.databaseUrl).pathname.slice(1) || 'postgres');
    const db: Database = drizzlePostgres({
      client: pool,
      ...(options.logger && { logger: options.logger }),
    });
    return {
      db,
      kind: 'postgres',
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const db: Database = drizzlePglite({
    client,
    ...(options.logger && { logger: options.logger }),
  });
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}
