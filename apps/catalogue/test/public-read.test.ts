import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import type { ServiceContentInput } from '../src/model/service-content';
import { serviceContent } from './service-fixture';

let h: CatalogueHarness;
type Page = { items: { code: string; level: string }[]; nextCursor: string | null };

beforeAll(async () => {
  h = await catalogueHarness();
  const admin = { sub: 'admin-1', roles: ['regional-admin'] };
  const fixtures: [string, string, Partial<ServiceContentInput>][] = [
    ['a-federal', 'civil-registry', { level: 'federal', federalCode: '10000000101' }],
    [
      'b-regional-paid',
      'social-protection',
      {
        fees: [
          {
            applicantType: 'any',
            amountMinor: 35000,
            kbk: '18210807010018000110',
            title: { ru: 'Пошлина', en: 'Duty' },
          },
        ],
      },
    ],
    [
      'c-municipal-business',
      'city-administration',
      { level: 'municipal', applicantTypes: ['business'], categories: ['business-and-trade'] },
    ],
    [
      'd-regional-post',
      'social-protection',
      { requestChannels: ['post', 'mfc'], lifeSituations: ['birth-of-a-child'] },
    ],
    ['e-draft-only', 'education', {}],
  ];
  for (const [code, agency, overrides] of fixtures) {
    const content = serviceContent(
      agency,
      { ru: `Услуга ${code}`, en: `Service ${code}` },
      overrides,
    );
    expect((await h.as(admin, 'POST', '/services', { code, content })).status).toBe(201);
    if (code !== 'e-draft-only') {
      expect((await h.as(admin, 'POST', `/services/${code}/draft/publish`)).status).toBe(200);
    }
  }
  await h.as(
    editorOf('social-protection'),
    'PUT',
    '/services/b-regional-paid/draft',
    serviceContent('social-protection', { ru: 'Черновик', en: 'Draft' }),
  );
});
afterAll(() => h.close());

const codes = async (query: string) =>
  ((await (await h.app.request(`/services${query}`)).json()) as Page).items.map((s) => s.code);

describe(`public catalogue on ${testDatabaseKind}`, () => {
  it('lists published services only, in pages, each exactly once', async () => {
    const first = (await (await h.app.request('/services?limit=3')).json()) as Page;
    expect(first.items.map((s) => s.code)).toEqual([
      'a-federal',
      'b-regional-paid',
      'c-municipal-business',
    ]);
    const second = (await (
      await h.app.request(`/services?limit=3&cursor=${first.nextCursor}`)
    ).json()) as Page;
    expect(second).toEqual({
      items: [expect.objectContaining({ code: 'd-regional-post' })],
      nextCursor: null,
    });
  });

  it.each([
    ['?level=federal', ['a-federal']],
    ['?agency=social-protection', ['b-regional-paid', 'd-regional-post']],
    ['?fee=paid', ['b-regional-paid']],
    ['?applicantType=business', ['c-municipal-business']],
    ['?channel=post', ['d-regional-post']],
    ['?lifeSituation=birth-of-a-child', ['d-regional-post']],
    ['?category=business-and-trade', ['c-municipal-business']],
  ])('filters %s', async (query, expected) => {
    expect(await codes(query)).toEqual(expected);
  });

  it('refuses unknown filter values with a 400 naming the parameter', async () => {
    const res = await h.app.request('/services?level=galactic&channel=pigeon');
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { pointer: string }[] };
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/channel', '/level']);
  });

  it('serves the published version, not the draft, with ETag revalidation', async () => {
    const res = await h.app.request('/services/b-regional-paid');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      version: 1,
      content: { title: { ru: 'Услуга b-regional-paid' } },
    });
    expect(res.headers.get('cache-control')).toContain('max-age=');
    const etag = res.headers.get('etag')!;
    const again = await h.app.request('/services/b-regional-paid', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await h.app.request('/services/e-draft-only')).status).toBe(404);
  });

  it('serves a numbered version, and 404s one that does not exist', async () => {
    expect((await h.app.request('/services/a-federal/versions/1')).status).toBe(200);
    const res = await h.app.request('/services/a-federal/versions/7');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
