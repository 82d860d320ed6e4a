import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataKey, keyring } from '@okno/crypto';
import { allRoles } from '@okno/auth';
import type { DatabaseHandle } from '@okno/db';
import { createLogger } from '@okno/http';
import { createNodeApp } from '@okno/runtime';
import { createTestDatabase, createTestIssuer, testRegion, type TestIssuer } from '@okno/testing';
import { allServices } from '../src/services';
import { serviceSettings } from './service-settings';

// Deny by default, checked from the published contract rather than a hand-kept list: every
// operation in /openapi.json that is not declared public must refuse a caller without a token
// (401) and a caller whose valid token lacks the operation's roles (403).

interface Operation {
  security?: unknown[];
  'x-okno-roles'?: string[];
  'x-okno-scopes'?: string[];
}

let database: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createNodeApp>;
let operations: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  database = await createTestDatabase();
  issuer = await createTestIssuer();
  app = createNodeApp({
    region: testRegion(issuer.region),
    nodeVersion: '0.0.0',
    services: allServices,
    database,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
    ...(await serviceSettings()),
    logger: createLogger({ name: 'test', level: 'silent' }),
    isDraining: () => false,
    metricsText: () => Promise.resolve(''),
  });
  const doc = (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
});
afterAll(async () => {
  await database.close();
  await issuer.close();
});

/** A concrete URL for a templated path: ids become a well-formed UUIDv7. */
const concrete = (path: string) =>
  path.replace(/\{[^}]+\}/g, '019a0000-0000-7000-8000-000000000001');

const call = (method: string, path: string, token?: string) =>
  app.request(concrete(path), {
    method: method.toUpperCase(),
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(method === 'get' || method === 'head' ? {} : { body: '{}' }),
  });

describe('access control from the OpenAPI document', () => {
  it('declares every operation either public or bearer-protected with named roles or scopes', () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.security, where).toBeInstanceOf(Array);
      if (op.security?.length === 0) continue;
      expect(op.security, where).toEqual([{ bearer: [] }]);
      expect([...(op['x-okno-roles'] ?? []), ...(op['x-okno-scopes'] ?? [])], where).not.toEqual(
        [],
      );
    }
  });

  it('answers 401 without a token and 403 with a token lacking the role', async () => {
    const protectedOps = operations.filter(({ op }) => op.security?.length !== 0);
    expect(protectedOps.length).toBeGreaterThan(3);
    for (const { method, path, op } of protectedOps) {
      const where = `${method.toUpperCase()} ${path}`;
      const anonymous = await call(method, path);
      expect(anonymous.status, where).toBe(401);
      expect(anonymous.headers.get('content-type'), where).toMatch(/application\/problem\+json/);

      // Every role except the allowed ones (none at all, if every role is allowed), and no scopes.
      const allowed = op['x-okno-roles'] ?? [];
      const roles = allRoles.filter((role) => !allowed.includes(role));
      const token = await issuer.sign({ sub: 'intruder', roles });
      const refused = await call(method, path, token);
      expect(refused.status, `${where} as ${roles.join(',') || 'no role'}`).toBe(403);
    }
  });
});
