import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueOutbox } from '@okno/db/catalogue';
import { auditEvents } from '@okno/db/identity';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import type { OfficeContentInput } from '../src/model/office';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import { serviceContent } from './service-fixture';

let h: CatalogueHarness;

const admin: TokenClaims = { sub: 'admin-1', roles: ['regional-admin'] };
const hours = { mon: [{ from: '09:00', to: '18:00' }], tue: [{ from: '09:00', to: '18:00' }] };

const office = (agencyCode: string, overrides: Partial<OfficeContentInput> = {}) =>
  ({
    kind: 'agency-office',
    agencyCode,
    name: { ru: 'Управление соцзащиты, Юрга', en: 'Social protection office, Yurga' },
    address: { ru: 'Юрга, ул. Московская, 1', en: '1 Moskovskaya St, Yurga' },
    coordinates: { lat: 55.72, lon: 84.89 },
    openingHours: hours,
    channel: 'mfc',
    services: ['child-allowance'],
    ...overrides,
  }) satisfies OfficeContentInput;

const put = async (claims: TokenClaims, code: string, body: unknown, ifMatch?: string) =>
  h.app.request(`/offices/${code}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await h.token(claims)}`,
      'content-type': 'application/json',
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  h = await catalogueHarness();
  const content = serviceContent('social-protection', {
    ru: 'Пособие на ребёнка',
    en: 'Child allowance',
  });
  const created = await h.as(editorOf('social-protection'), 'POST', '/services', {
    code: 'child-allowance',
    content,
  });
  expect(created.status).toBe(201);
});
afterAll(() => h.close());

describe(`office editing on ${testDatabaseKind}`, () => {
  it('lets the regional administrator add an office, published at once and audited', async () => {
    const res = await put(admin, 'social-yurga', office('social-protection'));
    expect(res.status, await res.clone().text()).toBe(201);
    const shown = await h.app.request('/offices/social-yurga');
    expect(shown.status).toBe(200);
    expect(shown.headers.get('etag')).toBe(res.headers.get('etag'));
    const audit = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, 'social-yurga'));
    expect(audit).toEqual([
      expect.objectContaining({
        kind: 'catalogue-office-saved',
        actorSubject: 'admin-1',
        details: { created: true, agencyCode: 'social-protection' },
      }),
    ]);
    const [event] = await h.handle.db
      .select()
      .from(catalogueOutbox)
      .where(eq(catalogueOutbox.type, 'catalogue.office.saved'));
    expect(event?.payload).toEqual({
      officeCode: 'social-yurga',
      kind: 'agency-office',
      agencyCode: 'social-protection',
      created: true,
    });
  });

  it("lets an agency's editor change its offices, and no one else's", async () => {
    const changed = office('social-protection', { phone: '+7 384 514-00-00' });
    const res = await put(editorOf('social-protection'), 'social-yurga', changed);
    expect(res.status, await res.clone().text()).toBe(200);
    // What the public sees changes at once, not when the response cache expires.
    const shown = (await (await h.app.request('/offices/social-yurga')).json()) as {
      content: { phone?: string };
    };
    expect(shown.content.phone).toBe('+7 384 514-00-00');

    expect((await put(editorOf('interior'), 'social-yurga', changed)).status).toBe(403);
    // Nor may the social agency's editor hand its office to another agency, or take one.
    expect(
      (await put(editorOf('social-protection'), 'social-yurga', office('interior'))).status,
    ).toBe(403);
    expect((await put(editorOf('social-protection'), 'mfc-new', office('mfc'))).status).toBe(403);
    expect(
      (await put({ sub: 'c-1', roles: ['citizen'] }, 'x-1', office('social-protection'))).status,
    ).toBe(403);
    const anonymous = await h.app.request('/offices/social-yurga', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(office('social-protection')),
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a change made on a stale copy (If-Match)', async () => {
    const read = await h.app.request('/offices/social-yurga');
    const etag = read.headers.get('etag')!;
    const first = await put(
      admin,
      'social-yurga',
      office('social-protection', { phone: '1' }),
      etag,
    );
    expect(first.status).toBe(200);
    const second = await put(
      admin,
      'social-yurga',
      office('social-protection', { phone: '2' }),
      etag,
    );
    expect(second.status).toBe(412);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    const fresh = first.headers.get('etag')!;
    expect(
      (await put(admin, 'social-yurga', office('social-protection', { phone: '2' }), fresh)).status,
    ).toBe(200);
  });

  it('names every service code the catalogue does not have', async () => {
    const res = await put(
      admin,
      'social-yurga',
      office('social-protection', { services: ['child-allowance', 'no-such-service', 'nor-this'] }),
    );
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { pointer: string; message: string }[] };
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/services/1', '/services/2']);
    expect(problem.errors[0]?.message).toContain('no-such-service');
  });

  it('refuses an invalid description with the fields named', async () => {
    const res = await put(
      admin,
      'social-yurga',
      office('social-protection', {
        coordinates: { lat: 95, lon: 84.89 },
        openingHours: { mon: [] },
      }),
    );
    expect(res.status).toBe(422);
    const pointers = ((await res.json()) as { errors: { pointer: string }[] }).errors.map(
      (e) => e.pointer,
    );
    expect(pointers).toEqual(expect.arrayContaining(['/coordinates/lat', '/openingHours/mon']));
  });
});
