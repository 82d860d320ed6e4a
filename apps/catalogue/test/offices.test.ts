import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { createCatalogueApp, catalogueService } from '../src/app';
import { demoOffices } from '../src/demo-catalogue/offices';
import { OfficeContent } from '../src/model/office';
import { saveOffice, unknownOfficeServices } from '../src/store/office-store';

let handle: DatabaseHandle;
let app: ReturnType<typeof createCatalogueApp>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await catalogueService.seedDemo?.(handle.db);
  app = createCatalogueApp({ db: handle.db, verifier: null });
});
afterAll(() => handle.close());

type Offices = { items: { code: string; content: { channel: string; kind: string } }[] };
const get = async <T>(path: string) => (await (await app.request(path)).json()) as T;

describe('the demo offices', () => {
  it('are valid, 20 or more, with one mobile office on a route, and the offices staff work at', () => {
    for (const office of demoOffices)
      expect(OfficeContent.safeParse(office.content).error, office.code).toBeUndefined();
    expect(demoOffices.length).toBeGreaterThanOrEqual(20);
    const mobile = demoOffices.filter((o) => o.content.kind === 'mobile-office');
    expect(mobile).toHaveLength(1);
    expect(mobile[0]?.content.route?.length).toBeGreaterThanOrEqual(8);
    const codes = demoOffices.map((o) => o.code);
    for (const code of [
      'mfc-kemerovo-central',
      'mfc-mobile-1',
      'post-650000',
      'social-kemerovo',
      'zags-kemerovo',
    ]) {
      expect(codes).toContain(code);
    }
  });
});

describe(`offices on ${testDatabaseKind}`, () => {
  it('lists offices, filtered by kind and channel', async () => {
    const posts = await get<Offices>('/offices?kind=post-office');
    expect(posts.items.length).toBeGreaterThanOrEqual(5);
    expect(posts.items.every((o) => o.content.channel === 'post')).toBe(true);
    expect(await get<Offices>('/offices/post-650000')).toMatchObject({ code: 'post-650000' });
    expect((await app.request('/offices/nowhere')).status).toBe(404);
  });

  it("finds where a service can be requested: by the service's channels and the office's services", async () => {
    // EGRN extracts: every door, and post offices accept them.
    const egrn = await get<Offices>('/services/egrn-extract/offices');
    const kinds = new Set(egrn.items.map((o) => o.content.kind));
    expect(kinds).toEqual(new Set(['mfc', 'post-office', 'mobile-office']));
    // A foreign passport is requested online or at an MFC, never at a post office.
    const passport = await get<Offices>('/services/foreign-passport-biometric/offices');
    expect(passport.items.length).toBeGreaterThan(0);
    expect(passport.items.every((o) => o.content.channel === 'mfc')).toBe(true);
    expect(passport.items.map((o) => o.code)).not.toContain('zags-kemerovo');
    // Its result is collected at an MFC only.
    const collect = await get<Offices>('/services/vehicle-registration/offices?purpose=collect');
    expect(collect.items.every((o) => o.content.channel === 'mfc')).toBe(true);
    expect((await app.request('/services/no-such/offices')).status).toBe(404);
  });

  it('tells where applications are taken in from where results are handed out', async () => {
    const base = (await get<{ content: Record<string, unknown> }>('/offices/mfc-belovo')).content;
    // A self-service corner takes EGRN requests in and hands nothing out; an MFC that hands
    // out only marriage certificates takes nothing of EGRN in, but hands those out.
    await saveOffice(handle.db, 'corner-library', {
      ...OfficeContent.parse(base),
      kind: 'self-service',
      services: ['egrn-extract'],
      handsOut: [],
    });
    await saveOffice(handle.db, 'mfc-certificates', {
      ...OfficeContent.parse(base),
      services: ['marriage-registration'],
      handsOut: ['egrn-extract'],
    });
    const codes = async (path: string) => (await get<Offices>(path)).items.map((o) => o.code);
    const request = await codes('/services/egrn-extract/offices?purpose=request');
    const collect = await codes('/services/egrn-extract/offices?purpose=collect');
    expect(request).toContain('corner-library');
    expect(collect).not.toContain('corner-library');
    expect(request).not.toContain('mfc-certificates');
    expect(collect).toContain('mfc-certificates');
    // An office that says nothing of it hands out what it takes in.
    expect(collect).toContain('mfc-belovo');
    // Codes in either list must be the catalogue's, each named where it is.
    const named = await unknownOfficeServices(handle.db, {
      ...OfficeContent.parse(base),
      services: ['egrn-extract', 'no-such'],
      handsOut: ['nor-this'],
    });
    expect(named).toEqual([
      { pointer: '/services/1', code: 'no-such' },
      { pointer: '/handsOut/0', code: 'nor-this' },
    ]);
  });

  it("lists the mobile office's next visits from a date, soonest first, by service", async () => {
    type Visits = {
      items: { officeCode: string; visit: { date: string; settlement: { ru: string } } }[];
    };
    const visits = await get<Visits>(
      '/mobile-visits?from=2026-12-09&service=old-age-pension&limit=3',
    );
    expect(visits.items.map((v) => v.visit.date)).toEqual([
      '2026-12-10',
      '2026-12-15',
      '2026-12-17',
    ]);
    expect(visits.items[0]).toMatchObject({
      officeCode: 'mfc-mobile-1',
      visit: { settlement: { ru: 'Тисуль' } },
    });
    const none = await get<Visits>('/mobile-visits?from=2026-12-01&service=building-permit');
    expect(none.items).toEqual([]);
  });
});
