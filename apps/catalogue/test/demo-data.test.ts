import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { createCatalogueApp, catalogueService } from '../src/app';
import { demoServices } from '../src/demo-catalogue';
import { formErrors } from '../src/model/form-rules';
import { ServiceContent } from '../src/model/service-content';

describe('the demo catalogue', () => {
  const parsed = demoServices.map((s) => ({
    code: s.code,
    result: ServiceContent.safeParse(s.content),
  }));

  it('is valid and publishable, service by service', () => {
    for (const { code, result } of parsed) {
      expect(result.error?.issues ?? [], code).toEqual([]);
      if (result.success) expect(formErrors(result.data), code).toEqual([]);
    }
  });

  it('is a realistic catalogue: 60+ services at every level, many categories', () => {
    const contents = parsed.flatMap((p) => (p.result.success ? [p.result.data] : []));
    expect(new Set(demoServices.map((s) => s.code)).size).toBe(demoServices.length);
    expect(contents.length).toBeGreaterThanOrEqual(60);
    const byLevel = (level: string) => contents.filter((c) => c.level === level).length;
    expect(byLevel('federal')).toBeGreaterThanOrEqual(20);
    expect(byLevel('regional')).toBeGreaterThanOrEqual(15);
    expect(byLevel('municipal')).toBeGreaterThanOrEqual(12);
    expect(new Set(contents.flatMap((c) => c.categories)).size).toBeGreaterThanOrEqual(15);
    expect(contents.filter((c) => c.fees.length > 0).length).toBeGreaterThanOrEqual(15);
    // The once-only rule has something to do: registries feed most services.
    const usingRegistries = contents.filter((c) =>
      c.documents.some((d) => d.source.kind === 'registry'),
    );
    expect(usingRegistries.length).toBeGreaterThanOrEqual(40);
  });
});

describe(`the demo catalogue seeded on ${testDatabaseKind}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await catalogueService.seedDemo?.(handle.db);
    await catalogueService.seedDemo?.(handle.db); // seeding twice must be harmless
  });
  afterAll(() => handle.close());

  it('is published, once, as version 1 of every service', async () => {
    const app = createCatalogueApp({ db: handle.db, verifier: null });
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (await app.request(`/services?limit=100${query}`)).json()) as {
        items: { code: string; version: number }[];
        nextCursor: string | null;
      };
      expect(page.items.every((s) => s.version === 1)).toBe(true);
      codes.push(...page.items.map((s) => s.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(codes.sort()).toEqual(demoServices.map((s) => s.code).sort());
  });
});
