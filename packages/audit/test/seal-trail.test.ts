import { sql } from 'drizzle-orm';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '@okno/crypto';
import { queryRows, type DatabaseHandle } from '@okno/db';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { readAuditTrail, recordAudit, sealAuditTrail, verifyAuditTrail } from '../src';

const signingKey = generateSigningKey();
const { d: _d, ...publicKey } = signingKey;
const keys = createLocalJWKSet({ keys: [publicKey] });
const seal = (checkpointEveryMs = 60_000) =>
  sealAuditTrail(handle.db, { signingKeys: [signingKey], checkpointEveryMs });
const verify = async () =>
  verifyAuditTrail(await readAuditTrail(handle.db), { keys, now: new Date() });

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** One event in each context, a refused access among them (it belongs to `payments`). */
const someEvents = (n: number) =>
  recordAudit(
    handle.db,
    { kind: 'sign-in', actorSubject: `citizen-${n}`, details: { clientId: 'okno-portal' } },
    { kind: 'document-read', actorSubject: `officer-${n}`, target: `doc-${n}`, details: {} },
    { kind: 'catalogue-published', actorSubject: 'editor-1', details: { code: `s-${n}` } },
    { kind: 'accrual-created', details: { uin: `uin-${n}`, amount: 1500 + n } },
    {
      kind: 'access-denied',
      target: '/api/payments/ledger/check',
      details: { status: 403, service: 'payments', reason: 'needs role supervisor' },
    },
  );

const chainLengths = async () =>
  Object.fromEntries(
    (
      await queryRows<{ context: string; n: number }>(
        handle.db,
        sql`select context, count(*)::int as n from identity.audit_chain group by context`,
      )
    ).map((r) => [r.context, r.n]),
  );

describe(`sealing the audit trail on ${testDatabaseKind}`, () => {
  it('seals each event once into its context’s chain and checkpoints the chains that moved', async () => {
    await someEvents(1);
    await someEvents(2);
    expect(await seal()).toEqual({ sealed: 10, checkpoints: 4 });
    expect(await chainLengths()).toEqual({
      identity: 2,
      documents: 2,
      catalogue: 2,
      payments: 4,
    });
    // Nothing new: nothing sealed, nothing signed.
    expect(await seal()).toEqual({ sealed: 0, checkpoints: 0 });
    // New events are sealed at once; their checkpoint waits until the last one is old enough.
    await someEvents(3);
    expect(await seal()).toEqual({ sealed: 5, checkpoints: 0 });
    expect(await seal(0)).toEqual({ sealed: 0, checkpoints: 4 });
    expect(await verify()).toEqual([]);
  });

  it('never seals an event twice when sealers race', async () => {
    for (let n = 10; n < 30; n += 1) await someEvents(n);
    const results = await Promise.all([seal(0), seal(0), seal(0)]);
    expect(results.reduce((sum, r) => sum + r.sealed, 0)).toBe(100);
    const [counts] = await queryRows<{ links: number; events: number }>(
      handle.db,
      sql`select (select count(*)::int from identity.audit_chain) as links,
                 (select count(*)::int from identity.audit_events) as events`,
    );
    expect(counts!.links).toBe(counts!.events);
    expect(await verify()).toEqual([]);
  });

  it('refuses to change or erase a link or a checkpoint', async () => {
    for (const table of ['audit_chain', 'audit_checkpoints']) {
      for (const statement of [
        sql`update identity.${sql.identifier(table)} set hash = 'x'`,
        sql`delete from identity.${sql.identifier(table)}`,
        sql`truncate identity.${sql.identifier(table)}`,
      ]) {
        const refused = await handle.db.execute(statement).then(
          () => null,
          (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
        );
        expect(refused).toMatch(new RegExp(`identity.${table} is append-only`));
      }
    }
  });

  it('finds an event edited behind the database’s back, at its link', async () => {
    const [victim] = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from identity.audit_events where kind = 'accrual-created' limit 1`,
    );
    await handle.db.transaction(async (tx) => {
      await tx.execute(
        sql`alter table identity.audit_events disable trigger audit_events_append_only`,
      );
      await tx.execute(
        sql`update identity.audit_events set details = '{"uin":"uin-1","amount":1}' where id = ${victim!.id}`,
      );
      await tx.execute(
        sql`alter table identity.audit_events enable trigger audit_events_append_only`,
      );
    });
    const findings = await verify();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ context: 'payments', eventId: victim!.id });
    expect(findings[0]!.problem).toMatch(/does not match its event/);
  });
});
