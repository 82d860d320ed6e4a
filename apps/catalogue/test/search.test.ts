import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import { serviceContent } from './service-fixture';

let h: CatalogueHarness;

const services = [
  [
    'passport',
    'interior',
    'Выдача паспорта гражданина Российской Федерации',
    'Issuing the internal passport of a citizen of Russia',
  ],
  [
    'birth-registration',
    'civil-registry',
    'Государственная регистрация рождения ребёнка',
    'State registration of a birth',
  ],
  [
    'land-lease',
    'property-registry',
    'Предоставление земельного участка в аренду без торгов',
    'Leasing a land plot without an auction',
  ],
  [
    'school-enrolment',
    'education',
    'Запись ребёнка в первый класс',
    'Enrolling a child in the first grade',
  ],
  [
    'vehicle-registration',
    'interior',
    'Регистрация транспортного средства',
    'Vehicle registration',
  ],
  ['plot-survey', 'property-registry', 'Межевание: участок и его границы', 'Surveying a plot'],
] as const;

beforeAll(async () => {
  h = await catalogueHarness();
  for (const [code, agency, ru, en] of services) {
    const content = serviceContent(agency, { ru, en });
    expect((await h.as(editorOf(agency), 'POST', '/services', { code, content })).status).toBe(201);
    const published = await h.as(editorOf(agency), 'POST', `/services/${code}/draft/publish`);
    expect(published.status, await published.clone().text()).toBe(200);
  }
});
afterAll(() => h.close());

async function search(q: string): Promise<string[]> {
  const res = await h.app.request(`/services?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { code: string }[] }).items.map((s) => s.code);
}

describe(`catalogue search on ${testDatabaseKind}`, () => {
  it.each([
    ['паспорта', 'passport'],
    ['паспорт', 'passport'],
    ['рождении ребёнка', 'birth-registration'],
    ['регистрация рождения', 'birth-registration'],
    ['земельный участок', 'land-lease'],
    ['земельного участка', 'land-lease'],
    ['первый класс', 'school-enrolment'],
    ['passports', 'passport'],
    ['birth', 'birth-registration'],
    ['land plots', 'land-lease'],
    ['vehicles', 'vehicle-registration'],
  ])('"%s" finds %s first', async (query, code) => {
    expect((await search(query))[0]).toBe(code);
  });

  it('finds nothing for words no service has', async () => {
    expect(await search('космодром')).toEqual([]);
  });

  it('ranks services with the exact stems before those only their prefixes find', async () => {
    // "участок" stems to itself; "участка" (in land-lease's title) to "участк".
    expect(await search('участок')).toEqual(['plot-survey', 'land-lease']);
  });

  it('pages through both kinds of match, each service once', async () => {
    const seen: string[] = [];
    let url: string | null = `/services?limit=1&q=${encodeURIComponent('участок')}`;
    while (url) {
      const res = await h.app.request(url);
      const page = (await res.json()) as { items: { code: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((s) => s.code));
      url = page.nextCursor
        ? `/services?limit=1&q=${encodeURIComponent('участок')}&cursor=${page.nextCursor}`
        : null;
    }
    expect(seen).toEqual(['plot-survey', 'land-lease']);
  });

  it('keeps excluded words exact when it falls back to prefixes', async () => {
    expect(await search('участок -аренда')).toEqual(['plot-survey']);
    expect(await search('участок OR паспорт')).toEqual(
      expect.arrayContaining(['plot-survey', 'passport', 'land-lease']),
    );
  });

  it('combines search with filters', async () => {
    const res = await h.app.request(
      `/services?q=${encodeURIComponent('регистрация')}&agency=interior`,
    );
    const codes = ((await res.json()) as { items: { code: string }[] }).items.map((s) => s.code);
    expect(codes).toEqual(['vehicle-registration']);
  });
});
