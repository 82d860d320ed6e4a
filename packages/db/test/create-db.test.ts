import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../src/testing';
import { createDb, migrate, newId, pendingMigrations, type DatabaseHandle } from '../src';
import { agencies } from '../src/schema/catalogue';

describe(`database on ${testDatabaseKind}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it('has every migration applied', async () => {
    expect(await pendingMigrations(handle)).toBe(0);
  });

  it('runs the same queries whichever driver is underneath', async () => {
    const id = newId();
    await handle.db.insert(agencies).values({ id, code: 'mvd', name: { ru: 'МВД' } });
    const [row] = await handle.db.select().from(agencies).where(eq(agencies.id, id));
    expect(row?.name).toEqual({ ru: 'МВД' });
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it('migrating twice is a no-op', async () => {
    await migrate(handle);
    expect(await pendingMigrations(handle)).toBe(0);
  });
});

describe('embedded PGlite in a data folder', () => {
  it('keeps data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'okno-pglite-'));
    try {
      const first = await createDb({ dataDir });
      expect(await pendingMigrations(first)).toBeGreaterThan(0);
      await migrate(first);
      await first.db.insert(agencies).values({ id: newId(), code: 'fns', name: { ru: 'ФНС' } });
      await first.close();

      const second = await createDb({ dataDir });
      expect(await pendingMigrations(second)).toBe(0);
      const rows = await second.db.select().from(agencies).where(eq(agencies.code, 'fns'));
      expect(rows).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('UUIDv7 ids', () => {
  it('sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
