import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from './database';
import { serviceSchemas } from './service-schemas';

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * What a service's own database login may do: read and write its own schema's tables and
 * sequences, append to the region's audit trail, and read which migrations are applied (for
 * /readyz). Nothing in another service's schema, no
 * DDL, no TRUNCATE: a compromised service reaches its own data only. Idempotent, and run after
 * every migration (tables a release adds get the same rights).
 */
export function serviceLoginGrants(schema: string, login: string): SQL[] {
  if (!(serviceSchemas as readonly string[]).includes(schema))
    throw new Error(`no service schema ${schema}`);
  if (!identifier.test(login)) throw new Error(`not a plain login name: ${login}`);
  const s = sql.identifier(schema);
  const l = sql.identifier(login);
  return [
    sql`grant usage on schema ${s} to ${l}`,
    sql`grant select, insert, update, delete on all tables in schema ${s} to ${l}`,
    sql`grant usage, select, update on all sequences in schema ${s} to ${l}`,
    sql`grant usage on schema identity to ${l}`,
    sql`grant insert on identity.audit_events to ${l}`,
    // Readiness compares the applied migrations with the release's own.
    sql`grant usage on schema drizzle to ${l}`,
    sql`grant select on drizzle.__drizzle_migrations to ${l}`,
  ];
}

/** Applies every service login's grants (`schema → login`), in one transaction. */
export async function grantServiceLogins(
  handle: DatabaseHandle,
  logins: Record<string, string>,
): Promise<void> {
  await handle.db.transaction(async (tx) => {
    for (const [schema, login] of Object.entries(logins)) {
      for (const grant of serviceLoginGrants(schema, login)) await tx.execute(grant);
    }
  });
}
