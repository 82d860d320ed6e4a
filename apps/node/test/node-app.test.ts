import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import { createLogger } from '@okno/http';
import demoRegistryPlugin from '@okno/plugin-registry-demo';
import { collectExtensions } from '@okno/plugin-sdk';
import { createNodeApp } from '@okno/runtime';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
  testRegion,
} from '@okno/testing';
import { allServices } from '../src/services';
import { demoAccruals } from '@okno/payments';
import { serviceSettings } from './service-settings';

let database: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createNodeApp>;
let draining = false;

beforeAll(async () => {
  database = await createTestDatabase();
  issuer = await createTestIssuer();
  for (const service of allServices) await service.seedDemo?.(database.db);
  app = createNodeApp({
    region: testRegion('RU-KEM'),
    nodeVersion: '9.9.9',
    services: allServices,
    database,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
    ...(await serviceSettings()),
    extensions: collectExtensions([demoRegistryPlugin]),
    logger: createLogger({ name: 'test', level: 'silent' }),
    isDraining: () => draining,
    metricsText: () => Promise.resolve('# HELP x test\n'),
  });
});
afterAll(async () => {
  await database.close();
  await issuer.close();
});

type OpenApi = Record<string, unknown> & {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; operationId?: string }>>;
  components: { securitySchemes: Record<string, unknown> };
};

describe(`the node on ${testDatabaseKind}`, () => {
  it('is alive', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', draining: false },
    });
  });

  it('stops being ready while draining', async () => {
    draining = true;
    try {
      expect((await app.request('/readyz')).status).toBe(503);
    } finally {
      draining = false;
    }
  });

  it('says which region it serves, which services it runs, with which plugins and calendar', async () => {
    const res = await app.request('/info');
    expect(await res.json()).toEqual({
      calendar: {
        timeZone: 'Asia/Novokuznetsk',
        fixedYears: [2025, 2026, 2027],
        additions: [],
        // The test node runs on today's date: from 1 October of 2027 this names 2028.
        warnings: expect.any(Array) as unknown,
      },
      region: 'RU-KEM',
      node: { version: '9.9.9' },
      services: ['identity', 'catalogue', 'applications', 'documents', 'payments'].map((name) => ({
        name,
        version: '0.1.0',
        path: `/api/${name}`,
      })),
      plugins: [{ name: '@okno/plugin-registry-demo', version: '0.1.0' }],
    });
  });

  it('publishes one OpenAPI 3.1 document with every service and declared security', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    // Checked against the official OpenAPI 3.1 JSON Schema, not just by shape.
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    const paths = Object.keys(doc.paths);
    for (const service of ['identity', 'catalogue', 'applications', 'documents', 'payments']) {
      expect(paths).toContain(`/api/${service}/healthz`);
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/readyz',
        '/info',
        '/api/catalogue/services',
        '/api/applications/applications',
        '/api/payments/accruals/{uin}',
      ]),
    );
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(12);
    // Deny by default: every operation says who may call it.
    for (const { path, method, op } of operations) {
      expect(op.security, `${method} ${path}`).toBeInstanceOf(Array);
    }
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    const create = doc.paths['/api/applications/applications']?.['post'];
    expect(create?.security).toEqual([{ bearer: [] }]);
  });

  it('names no schema twice: services merged into one document must not overwrite each other', async () => {
    const definedBy = new Map<string, { service: string; schema: string }>();
    const clashes: string[] = [];
    for (const service of allServices) {
      const doc = (await (await app.request(`/api/${service.info.name}/openapi.json`)).json()) as {
        components?: { schemas?: Record<string, unknown> };
      };
      for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
        const json = JSON.stringify(schema);
        const earlier = definedBy.get(name);
        if (earlier && earlier.schema !== json) {
          clashes.push(`${name}: ${earlier.service} and ${service.info.name}`);
        }
        definedBy.set(name, { service: service.info.name, schema: json });
      }
    }
    expect(definedBy.size).toBeGreaterThan(20);
    expect(clashes).toEqual([]);
  });

  it('serves the interactive API reference without a CDN', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await app.request('/api/nowhere/at-all');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a malformed JSON body with problem+json 400', async () => {
    const token = await issuer.sign({ sub: 'citizen-1', roles: ['citizen'] });
    const res = await app.request('/api/applications/applications', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"serviceCode": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves demo data through the mounted services', async () => {
    const res = await app.request('/api/catalogue/services/school-enrolment');
    expect(res.status).toBe(200);
    const agencies = await app.request('/api/catalogue/agencies');
    expect(((await agencies.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const accrual = await app.request(`/api/payments/accruals/${demoAccruals[0]!.uin}`);
    expect(await accrual.json()).toMatchObject({ amountMinor: 50_000, currency: 'RUB' });
  });

  it('serves Prometheus metrics', async () => {
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
