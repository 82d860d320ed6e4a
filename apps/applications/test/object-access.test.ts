import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import {
  applicationComments,
  applicationRatings,
  applicationRegistryRequests,
  applications,
  applicationTransitions,
} from '@okno/db/applications';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { stepNames } from '../src/model/lifecycle';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

// Object-level authorization, route by route: whoever is not the applicant, the deciding
// agency or the office that took the application in (or hands its result out) reaches nothing
// of it, and a token of another region reaches nothing at all. Driven by the service's own
// OpenAPI document, so a new route without an entry below fails this test.

let h: ApplicationsHarness;
const victim = citizen('citizen-victim');
const decider = backOfficer('officer-sf-10', 'social-fund');
const foreignRegion = 'RU-SPE';

const outsiders: Record<string, TokenClaims> = {
  'another citizen': citizen('citizen-stranger'),
  'a representative of another company': {
    sub: 'rep-1',
    roles: ['business-representative'],
    company: '1024200000000',
  },
  "another agency's officer": backOfficer('officer-int-10', 'interior'),
  "another agency's supervisor": { sub: 'chief-int', roles: ['supervisor'], agency: 'interior' },
  'an MFC officer at another office': frontOfficer('mfc-10', 'mfc-officer', 'mfc-novokuznetsk'),
  'a post officer': frontOfficer('post-10', 'post-officer', 'post-650000'),
  'a partner system': { sub: 'partner-russian-post', roles: ['partner-post'] },
  'an auditor': { sub: 'auditor-1', roles: ['auditor'] },
};
/** The applicant and the deciding officer themselves, with tokens of another region. */
const foreigners: Record<string, TokenClaims> = {
  'the applicant, from another region': { ...victim, region: foreignRegion },
  'the deciding officer, from another region': { ...decider, region: foreignRegion },
};

let id = '';
let requestId = '';

/** Example input for every operation, valid enough that only authorization can refuse it. */
const inputs: Record<string, { body?: unknown; query?: string }[]> = {
  'post /counter/applications': [
    {
      body: {
        serviceCode: 'unified-child-allowance',
        applicant: counterApplicant('Кто-то Другой', '3299 111111'),
        formData: {
          fullName: 'Кто-то Другой',
          childName: 'Ая',
          bankAccount: '40817810000000000099',
        },
        officeCode: 'post-650000',
        checkedBy: 'operator-1',
      },
    },
  ],
  'get /queue': [{}],
  'put /applications/{id}/assignee': [{ body: { assignee: null } }, { body: { assignee: 'x' } }],
  'post /applications': [{ body: { serviceCode: 'unified-child-allowance', formData: {} } }],
  'get /applications': [{}],
  'get /applications/{id}': [{}],
  'put /applications/{id}/form': [{ body: { fullName: 'Чужой Человек' } }],
  'post /applications/{id}/rating': [{ body: { score: 1, comment: 'not mine' } }],
  'get /ratings': ['service', 'office', 'officer'].map((by) => ({ query: `?by=${by}` })),
  'get /applications/{id}/registry-requests': [{}],
  'get /applications/{id}/history': [{}],
  'get /applications/{id}/comments': [{}],
  'post /applications/{id}/comments': [{ body: { body: 'a note' } }],
  'put /applications/{id}/collection': [
    { body: { officeCode: null } },
    { body: { officeCode: 'mfc-mobile-1', visitOn: '2026-12-01' } },
  ],
  'post /applications/{id}/registry-requests/{requestId}/retry': [{}],
  'post /applications/{id}/steps': stepNames.map((step) => ({
    body: { step, outcome: 'refused', reason: 'because' },
  })),
};

async function operations() {
  const doc = (await (await h.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security && op.security.length > 0)
      .map(([method]) => ({ method, path, key: `${method} ${path}` })),
  );
}

const call = (
  who: TokenClaims,
  method: string,
  path: string,
  input: { body?: unknown; query?: string },
) =>
  h.call(
    who,
    method.toUpperCase(),
    path.replace('{id}', id).replace('{requestId}', requestId) + (input.query ?? ''),
    input.body,
  );

/** Everything of the victim's application that a refused call must leave as it was. */
const snapshot = async () => ({
  application: await h.handle.db.select().from(applications).where(eq(applications.id, id)),
  transitions: await h.handle.db
    .select()
    .from(applicationTransitions)
    .where(eq(applicationTransitions.applicationId, id)),
  requests: await h.handle.db
    .select()
    .from(applicationRegistryRequests)
    .where(eq(applicationRegistryRequests.applicationId, id)),
  comments: await h.handle.db
    .select()
    .from(applicationComments)
    .where(eq(applicationComments.applicationId, id)),
  ratings: await h.handle.db
    .select()
    .from(applicationRatings)
    .where(eq(applicationRatings.applicationId, id)),
});

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
  // The victim's application, walked to an issued and rated result so every route has
  // something to reach.
  const created = await h.call(victim, 'POST', '/applications', {
    serviceCode: service.code,
    formData: { fullName: 'Жертва Тестова', childName: 'Ия', bankAccount: '40817810000000000010' },
  });
  id = ((await created.json()) as { id: string }).id;
  const steps: [TokenClaims, object][] = [
    [victim, { step: 'submit' }],
    [decider, { step: 'register' }],
    [decider, { step: 'decide', outcome: 'approved' }],
    [decider, { step: 'result-ready' }],
    [decider, { step: 'issue' }],
  ];
  for (const [who, body] of steps) {
    const res = await h.call(who, 'POST', `/applications/${id}/steps`, body);
    if (res.status !== 200) throw new Error(await res.text());
    if ((body as { step: string }).step === 'register') await h.exchange();
  }
  await h.call(victim, 'POST', `/applications/${id}/rating`, { score: 5 });
  const requests = await h.call(decider, 'GET', `/applications/${id}/registry-requests`);
  requestId = ((await requests.json()) as { items: { id: string }[] }).items[0]!.id;
});
afterAll(() => h.close());

describe(`object-level access to applications on ${testDatabaseKind}`, () => {
  it('has example input for every operation the service publishes', async () => {
    expect((await operations()).map((o) => o.key).sort()).toEqual(Object.keys(inputs).sort());
  });

  it.each(Object.entries(outsiders))(
    "gives %s nothing of someone else's application, on any route",
    async (_who, outsider) => {
      const before = await snapshot();
      for (const { method, path, key } of await operations()) {
        for (const input of inputs[key] ?? []) {
          const res = await call(outsider, method, path, input);
          const text = await res.text();
          const where = `${key} ${JSON.stringify(input)} → ${res.status} ${text}`;
          if (path.includes('{id}')) {
            // Not theirs: not found (or, for a role that never may, forbidden).
            expect([403, 404], where).toContain(res.status);
          } else {
            // A collection route: refused, or answered without the victim's application.
            expect(res.status, where).not.toBe(500);
            expect(text, where).not.toContain(id);
            // Aggregates are region-wide for auditors; an agency sees only its own.
            if (key === 'get /ratings' && res.status === 200 && outsider.agency) {
              expect(JSON.parse(text), where).toEqual({ items: [] });
            }
          }
        }
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(Object.entries(foreigners))('refuses %s on every route', async (_who, foreigner) => {
    const before = await snapshot();
    for (const { method, path, key } of await operations()) {
      for (const input of inputs[key] ?? []) {
        const res = await call(foreigner, method, path, input);
        expect(res.status, `${key} ${JSON.stringify(input)}`).toBe(401);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still serves the applicant and the deciding agency (the refusals are not blanket)', async () => {
    expect((await h.call(victim, 'GET', `/applications/${id}`)).status).toBe(200);
    expect((await h.call(decider, 'GET', `/applications/${id}/registry-requests`)).status).toBe(
      200,
    );
    const ratings = await h.call({ ...decider, roles: ['supervisor'] }, 'GET', '/ratings');
    expect(((await ratings.json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
