import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '@okno/db';
import { createTestIssuer, type TestIssuer } from '@okno/testing';
import { createFixtureApp } from './fixture-app';

// A database that is not there (restarting, failing over) is nothing the client did: the
// answer is 503 with Retry-After, which the portal and partners retry, not a 500.
describe('a request while PostgreSQL is unreachable', () => {
  let handle: DatabaseHandle;
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    handle = await createDb({
      databaseUrl: `postgres://okno@127.0.0.1:${await closedPort()}/okno`,
    });
  });
  afterAll(async () => {
    await handle.close();
    await issuer.close();
  });

  it('is answered 503 service-unavailable with Retry-After', async () => {
    const app = createFixtureApp(handle, issuer);
    const token = await issuer.sign({ sub: 'admin-1', roles: ['regional-admin'] });
    const res = await app.request('/api/fixture/agencies', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({
      type: 'urn:okno:problem:service-unavailable',
      detail: 'The database is unavailable for a moment; send the request again.',
    });
  });
});

/** A loopback port nobody listens on: taken from the kernel, then let go. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}
