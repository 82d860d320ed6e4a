import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { auditEvents } from '@okno/db/identity';
import { createLogger } from '@okno/http';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { accessDenialAudit, recordAudit } from '../src';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const denial = (n: number) => ({
  status: 401 as const,
  service: 'catalogue',
  method: 'GET',
  path: `/api/catalogue/drafts/${n}`,
  requestId: `req-${n}`,
  reason: 'token has expired',
});

describe(`audit trail on ${testDatabaseKind}`, () => {
  it('records events, and the database refuses to change or erase them', async () => {
    await recordAudit(handle.db, {
      kind: 'role-granted',
      actorSubject: 'admin-1',
      target: 'officer-7',
      details: { role: 'supervisor' },
    });
    const [row] = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, 'officer-7'));
    expect(row).toMatchObject({ kind: 'role-granted', details: { role: 'supervisor' } });

    await expect(
      handle.db.update(auditEvents).set({ kind: 'sign-in' }).where(eq(auditEvents.id, row!.id)),
    ).rejects.toThrow();
    await expect(
      handle.db.delete(auditEvents).where(eq(auditEvents.id, row!.id)),
    ).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate identity.audit_events`)).rejects.toThrow();
    const [still] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(still?.kind).toBe('role-granted');
  });

  it('records access denials off the request path, at most a bounded number a minute', async () => {
    const sink = accessDenialAudit({
      db: handle.db,
      logger: createLogger({ name: 'test', level: 'silent' }),
      perMinute: 3,
    });
    for (let n = 0; n < 10; n++) sink(denial(n));
    const recorded = async () =>
      handle.db.select().from(auditEvents).where(eq(auditEvents.kind, 'access-denied'));
    await expect.poll(async () => (await recorded()).length).toBe(3);
    expect((await recorded()).map((r) => r.requestId).sort()).toEqual(['req-0', 'req-1', 'req-2']);
    expect((await recorded())[0]).toMatchObject({
      target: '/api/catalogue/drafts/0',
      details: { status: 401, service: 'catalogue', method: 'GET', reason: 'token has expired' },
    });
  });
});
