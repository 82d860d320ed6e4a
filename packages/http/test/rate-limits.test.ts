import { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { createTestDatabase, createTestIssuer, type TestIssuer } from '@okno/testing';
import { createServiceApp, defineRoute, inProcessCall, type RateLimits } from '../src';

const limits: RateLimits = {
  writesPerPerson: 3,
  writesPerClient: 5,
  writesPerAddress: 2,
  signInsPerAddress: 2,
  addressHeader: 'x-real-ip',
};

let handle: DatabaseHandle;
let issuer: TestIssuer;
let handled = 0;
let app: ReturnType<typeof createServiceApp>;

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  app = createServiceApp(
    { name: 'fixture', version: '0.0.0', title: 'Fixture', description: 'test' },
    { db: handle.db, verifier: issuer.verifier(), rateLimits: limits },
  );
  const ok = {
    200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } },
  };
  for (const method of ['get', 'post', 'delete'] as const) {
    app.openapi(defineRoute({ method, path: '/notes', access: 'public', responses: ok }), (c) => {
      handled += 1;
      return c.json({}, 200);
    });
  }
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

const as = async (
  claims: { sub: string; roles: string[]; azp?: string } | null,
  method: string,
  address = '10.0.0.1',
) => {
  const headers: Record<string, string> = { 'x-real-ip': address };
  if (claims) headers['authorization'] = `Bearer ${await issuer.sign(claims)}`;
  return app.request('/notes', { method, headers });
};

describe('abuse limits on writes', () => {
  it('lets one person make their writes, then answers 429 with Retry-After before the handler runs', async () => {
    const anna = { sub: 'citizen-anna', roles: ['citizen'] };
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await as(anna, i % 2 ? 'DELETE' : 'POST')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const before = handled;
    const refused = await as(anna, 'POST');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({
      type: 'urn:okno:problem:rate-limited',
      status: 429,
      detail: expect.stringMatching(/Too many changes/) as unknown,
    });
    expect(handled).toBe(before);
    // Reads are not limited here; other people are not held back by Anna.
    expect((await as(anna, 'GET')).status).toBe(200);
    expect((await as({ sub: 'citizen-boris', roles: ['citizen'] }, 'POST')).status).toBe(200);
  });

  it('gives a partner system its own, larger allowance, by client', async () => {
    const post = { sub: 'service-account-post', roles: ['partner-post'], azp: 'partner-post' };
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await as(post, 'POST')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts callers without a token by address, as the ingress names it', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await as(null, 'POST', '203.0.113.7')).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await as(null, 'POST', '203.0.113.8')).status).toBe(200);
  });

  it('does not count a call one service makes to another in process', async () => {
    const headers = { 'x-real-ip': '198.51.100.1' };
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await app.request('/notes', { method: 'POST', headers }, inProcessCall)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
