import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
} from '@okno/testing';
import type { AccessDenial } from '../src';
import { createFixtureApp } from './fixture-app';

let handle: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createFixtureApp>;
let adminToken: string;
const denials: AccessDenial[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  app = createFixtureApp(handle, issuer, { onAccessDenied: (d) => denials.push(d) });
  adminToken = await issuer.sign({ sub: 'admin-1', roles: ['regional-admin'] });
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  app.request('/api/fixture/agencies', {
    method: 'POST',
    body,
    headers: {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
      ...headers,
    },
  });

describe(`service kit on ${testDatabaseKind}`, () => {
  it('answers an unknown route with problem+json 404', async () => {
    const res = await app.request('/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'urn:okno:problem:not-found',
      status: 404,
      instance: '/api/nowhere',
    });
    expect(body['requestId']).toBe(res.headers.get('x-request-id'));
  });

  it('answers malformed JSON with problem+json 400', async () => {
    const res = await post('{"code": "mvd", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: 'urn:okno:problem:malformed-request' });
  });

  it('lists every invalid field with its path', async () => {
    const res = await post(JSON.stringify({ code: 'BAD CODE', name: { ru: '', en: 5 } }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { location: string; pointer: string }[] };
    expect(body.errors.map((e) => e.pointer).sort()).toEqual(['/code', '/name/en', '/name/ru']);
    expect(body.errors.every((e) => e.location === 'body')).toBe(true);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('code=mvd', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post(JSON.stringify({ code: 'big', name: { ru: 'x'.repeat(10_000) } }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: 'urn:okno:problem:payload-too-large' });
  });

  it('reports bad query parameters as 400 with their location', async () => {
    const res = await app.request('/api/fixture/agencies?limit=1000');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ location: 'query', pointer: '/limit' }],
    });
  });

  it('turns an unexpected error into a 500 problem without leaking it', async () => {
    const res = await post(JSON.stringify({ code: 'explode', name: { ru: 'x' } }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('boom');
    expect(JSON.parse(text)).toMatchObject({ type: 'urn:okno:problem:internal-error' });
  });
});

describe('access', () => {
  it('needs a token for a protected route', async () => {
    const res = await app.request('/api/fixture/agencies/mvd');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an invalid token even on a public route', async () => {
    const res = await app.request('/api/fixture/agencies', {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a token of another region', async () => {
    const token = await issuer.sign({ sub: 'x', roles: ['regional-admin'], region: 'RU-MOW' });
    const res = await post(JSON.stringify({ code: 'mvd', name: { ru: 'МВД' } }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(401);
  });

  it('refuses a caller without the required role with 403', async () => {
    const token = await issuer.sign({ sub: 'citizen-1', roles: ['citizen'] });
    const res = await post(JSON.stringify({ code: 'mvd', name: { ru: 'МВД' } }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(403);
  });

  it('reports refused tokens and roles to the audit sink, not anonymous callers', async () => {
    denials.length = 0;
    await app.request('/api/fixture/agencies/mvd');
    await app.request('/api/fixture/agencies', { headers: { authorization: 'Bearer forged' } });
    const token = await issuer.sign({ sub: 'citizen-9', roles: ['citizen'] });
    await post(JSON.stringify({ code: 'mvd', name: { ru: 'МВД' } }), {
      authorization: `Bearer ${token}`,
    });
    expect(denials).toEqual([
      expect.objectContaining({
        status: 401,
        service: 'fixture',
        method: 'GET',
        path: '/api/fixture/agencies',
        reason: 'token is malformed',
      }),
      expect.objectContaining({
        status: 403,
        method: 'POST',
        subject: 'citizen-9',
        reason: expect.stringContaining('regional-admin') as string,
      }),
    ]);
    expect(denials[0]).not.toHaveProperty('subject');
  });

  it('lets a valid caller through', async () => {
    const token = await issuer.sign({ sub: 'citizen-1', roles: ['citizen'] });
    const res = await app.request('/api/fixture/agencies/none', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
  });
});

describe('cursor pagination', () => {
  it('walks every row exactly once', async () => {
    for (const code of ['pg-a', 'pg-b', 'pg-c', 'pg-d', 'pg-e']) {
      expect((await post(JSON.stringify({ code, name: { ru: code } }))).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await app.request(`/api/fixture/agencies${query}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { code: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    const ours = seen.filter((c) => c.startsWith('pg-'));
    expect(ours).toEqual(['pg-a', 'pg-b', 'pg-c', 'pg-d', 'pg-e']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a forged cursor', async () => {
    const res = await app.request('/api/fixture/agencies?cursor=bm90LWpzb24');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'urn:okno:problem:invalid-cursor' });
  });
});
