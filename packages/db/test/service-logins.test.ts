import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantServiceLogins, queryRows, type DatabaseHandle } from '../src';
import { createTestDatabase, testDatabaseKind } from '../src/testing';

// In a region each service logs in as itself (deploy/: one CloudNativePG role per service)
// and reaches its own schema only, so one compromised service is not the whole region.
describe(`a service's own database login on ${testDatabaseKind}`, () => {
  let handle: DatabaseHandle;
  // Roles belong to the whole server: a name of this run's own.
  const login = `okno_test_catalogue_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.execute(sql.raw(`create role ${login} nologin`));
    await grantServiceLogins(handle, { catalogue: login });
    await grantServiceLogins(handle, { catalogue: login }); // after the next release's migrations
  });
  afterAll(async () => {
    await handle.db.execute(sql.raw(`drop owned by ${login}`));
    await handle.db.execute(sql.raw(`drop role ${login}`));
    await handle.close();
  });

  const may = async (table: string, privilege: string) => {
    const [row] = await queryRows<{ ok: boolean }>(
      handle.db,
      sql`select has_table_privilege(${login}, ${table}, ${privilege}) as ok`,
    );
    return row!.ok;
  };

  it('reads and writes its own schema, and appends to the audit trail', async () => {
    expect(await may('catalogue.services', 'SELECT, INSERT, UPDATE, DELETE')).toBe(true);
    expect(await may('catalogue.outbox', 'INSERT')).toBe(true);
    expect(await may('identity.audit_events', 'INSERT')).toBe(true);
    expect(await may('drizzle.__drizzle_migrations', 'SELECT')).toBe(true); // for /readyz
  });

  it('reaches nothing else: other schemas, the trail for reading, TRUNCATE, DDL', async () => {
    expect(await may('applications.applications', 'SELECT')).toBe(false);
    expect(await may('payments.accruals', 'SELECT')).toBe(false);
    expect(await may('identity.audit_events', 'SELECT')).toBe(false);
    expect(await may('catalogue.services', 'TRUNCATE')).toBe(false);
    expect(await may('drizzle.__drizzle_migrations', 'INSERT')).toBe(false);
    const [schema] = await queryRows<{ ok: boolean }>(
      handle.db,
      sql`select has_schema_privilege(${login}, 'catalogue', 'CREATE') as ok`,
    );
    expect(schema!.ok).toBe(false);
  });

  it('is refused by PostgreSQL itself when it tries, and served in its own schema', async () => {
    const as = (query: string) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${login}`));
        await tx.execute(sql.raw(query));
      });
    await expect(as('select count(*) from catalogue.services')).resolves.toBeUndefined();
    await expect(as('select hash from drizzle.__drizzle_migrations')).resolves.toBeUndefined();
    const refused = await as('select count(*) from applications.applications').then(
      () => null,
      (error: unknown) => (error as { cause?: { code?: string } }).cause,
    );
    expect(refused?.code).toBe('42501'); // insufficient_privilege
  });
});
