import { z } from 'zod';
import { baseEnv, databaseEnv, readEnv } from '@okno/config';
import { createDb, grantServiceLogins, migrate, pendingMigrations } from '@okno/db';
import { createLogger } from '@okno/http';
import { refuseBadConfig } from './refuse-bad-config';

/** What migrating needs: the database, and the logins to grant. No service settings. */
export const migrationEnv = baseEnv.extend(databaseEnv.shape).extend({
  /**
   * Each service's own database login, granted its schema after migrating
   * (`catalogue=okno_catalogue,payments=okno_payments`; see docs/deploy.md).
   */
  OKNO_SERVICE_LOGINS: z
    .string()
    .regex(
      /^[a-z]+=[a-z_][a-z0-9_]*(,[a-z]+=[a-z_][a-z0-9_]*)*$/,
      'schema=login pairs separated by commas',
    )
    .transform((list) =>
      Object.fromEntries(list.split(',').map((pair) => pair.split('=', 2) as [string, string])),
    )
    .optional(),
});

/**
 * Applies the schema's pending migrations, grants each service's login its schema
 * (OKNO_SERVICE_LOGINS), and exits: the migration Job a deployment runs
 * before a new version rolls out (its services then start with OKNO_MIGRATE=false). The old
 * version keeps serving meanwhile, so a release's migrations must suit it too (expand now,
 * contract a release later: docs/deploy.md); a lock serialises concurrent migrators.
 */
export async function runMigrations(name: string): Promise<void> {
  const env = await refuseBadConfig(name, () => readEnv(migrationEnv));
  const logger = createLogger({ name, level: env.LOG_LEVEL });
  const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.OKNO_DATA_DIR });
  try {
    const pending = await pendingMigrations(database);
    await migrate(database);
    logger.info({ database: database.kind, applied: pending }, 'migrations applied');
    if (env.OKNO_SERVICE_LOGINS) {
      await grantServiceLogins(database, env.OKNO_SERVICE_LOGINS);
      logger.info({ logins: env.OKNO_SERVICE_LOGINS }, 'service logins granted their schemas');
    }
  } finally {
    await database.close();
  }
}
