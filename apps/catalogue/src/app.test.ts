import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { createCatalogueApp, catalogueService } from './app';

let handle: DatabaseHandle;
let app: ReturnType<typeof createCatalogueApp>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await catalogueService.seedDemo?.(handle.db);
  await catalogueService.seedDemo?.(handle.db); // seeding twice must be harmless
  app = createCatalogueApp({ db: handle.db, verifier: null });
});
afterAll(() => handle.close());

type Page = { items: { code: string; level: string }[]; nextCursor: string | null };

describe(`catalogue on ${testDatabaseKind}`, () => {
  it('lists services in pages, each exactly once', async () => {
    const first = (await (await app.request('/services?limit=4')).json()) as Page;
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (
      await app.request(`/services?limit=4&cursor=${first.nextCursor}`)
    ).json()) as Page;
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const codes = [...first.items, ...second.items].map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(6);
  });

  it('filters by level', async () => {
    const page = (await (await app.request('/services?level=federal')).json()) as Page;
    expect(page.items.map((s) => s.code)).toEqual([
      'birth-registration',
      'property-extract',
      'residence-registration',
    ]);
  });

  it('returns one service by code', async () => {
    const res = await app.request('/services/school-enrolment');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      code: 'school-enrolment',
      title: { ru: 'Запись в первый класс' },
    });
  });

  it('answers an unknown code with a 404 problem', async () => {
    const res = await app.request('/services/no-such-service');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses an unknown level with a 400 naming the parameter', async () => {
    const res = await app.request('/services?level=galactic');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ location: 'query', pointer: '/level' }] });
  });

  it('publishes its OpenAPI document with every operation public', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/services', '/services/{code}']);
    for (const operation of Object.values(doc.paths).flatMap((p) => Object.values(p))) {
      expect(operation.security).toEqual([]);
    }
  });
});
