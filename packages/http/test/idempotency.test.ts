import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '@okno/db';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
} from '@okno/testing';
import { createFixtureApp } from './fixture-app';

let handle: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createFixtureApp>;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  app = createFixtureApp(handle, issuer);
  token = await issuer.sign({ sub: 'admin-1', roles: ['regional-admin'] });
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

const create = async (key: string | undefined, body: object, bearer = token) =>
  app.request('/api/fixture/agencies', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
  });

async function countAgencies(code: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from catalogue.agencies where code = ${code}`,
  );
  return rows[0]?.n ?? -1;
}

describe(`Idempotency-Key on ${testDatabaseKind}`, () => {
  it('replays the first response on retry and writes once', async () => {
    const body = { code: 'replay', name: { ru: 'Повтор' } };
    const first = await create('key-replay', body);
    expect(first.status).toBe(201);
    const second = await create('key-replay', body);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await countAgencies('replay')).toBe(1);
  });

  it('refuses the same key with a different body with 422', async () => {
    expect((await create('key-diff', { code: 'diff-a', name: { ru: 'A' } })).status).toBe(201);
    const res = await create('key-diff', { code: 'diff-b', name: { ru: 'B' } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ type: 'urn:okno:problem:idempotency-key-reused' });
    expect(await countAgencies('diff-b')).toBe(0);
  });

  it('keeps keys apart per caller', async () => {
    const other = await issuer.sign({ sub: 'admin-2', roles: ['regional-admin'] });
    expect((await create('shared-key', { code: 'scope-a', name: { ru: 'A' } })).status).toBe(201);
    const res = await create('shared-key', { code: 'scope-b', name: { ru: 'B' } }, other);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('does not store a server failure, so a retry runs again', async () => {
    const failed = await create('key-500', { code: 'explode', name: { ru: 'x' } });
    expect(failed.status).toBe(500);
    const again = await create('key-500', { code: 'explode', name: { ru: 'x' } });
    expect(again.status).toBe(500);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('stores a client error, so the retry gets the same answer', async () => {
    const bad = { code: 'BAD', name: { ru: '' } };
    expect((await create('key-422', bad)).status).toBe(422);
    const again = await create('key-422', bad);
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a malformed key', async () => {
    const res = await create('has space', { code: 'k', name: { ru: 'k' } });
    expect(res.status).toBe(400);
  });

  it('makes one write from many concurrent duplicates', async () => {
    const body = { code: 'concurrent', name: { ru: 'Одновременно' } };
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => create('key-concurrent', body)),
    );
    const statuses = responses.map((r) => r.status);
    // Each duplicate either waits and replays the 201, or is told to retry (409): never a second write.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    const ids = new Set(
      await Promise.all(
        responses
          .filter((r) => r.status === 201)
          .map(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    expect(ids.size).toBe(1);
    expect(await countAgencies('concurrent')).toBe(1);
  });

  it('without a key, each request is its own write', async () => {
    expect((await create(undefined, { code: 'nokey', name: { ru: 'a' } })).status).toBe(201);
    // The unique code makes the second insert conflict: proof that it really ran again.
    const second = await create(undefined, { code: 'nokey', name: { ru: 'a' } });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ type: 'urn:okno:problem:conflict' });
  });
});
