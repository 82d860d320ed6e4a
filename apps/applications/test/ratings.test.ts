import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;
const mfc = frontOfficer('officer-mfc-5', 'mfc-officer', 'mfc-kemerovo-central');
const decider = backOfficer('officer-sf-5', 'social-fund');
const supervisor: TokenClaims = { sub: 'chief-5', roles: ['supervisor'], agency: 'social-fund' };
const otherSupervisor: TokenClaims = { sub: 'chief-6', roles: ['supervisor'], agency: 'interior' };
const people = ['citizen-r1', 'citizen-r2', 'citizen-r3'].map(citizen);
const ids: string[] = [];

/** Takes an application in for a person and walks it to the issued result. */
async function issuedFor(person: TokenClaims) {
  const res = await h.call(mfc, 'POST', '/counter/applications', {
    serviceCode: 'unified-child-allowance',
    applicant: { ...counterApplicant('Ирина Соколова', '3211 222333'), subject: person.sub },
    formData: { fullName: 'Ирина Соколова', childName: 'Лев', bankAccount: '40817810000000000006' },
  });
  const { id } = (await res.json()) as { id: string };
  for (const [who, step] of [
    [decider, 'register'],
    [decider, 'decide'],
    [decider, 'result-ready'],
    [mfc, 'issue'],
  ] as const) {
    const done = await h.call(who, 'POST', `/applications/${id}/steps`, {
      step,
      outcome: 'approved',
    });
    if (done.status !== 200) throw new Error(`${step}: ${await done.text()}`);
    // The registries answer between registration and the decision.
    if (step === 'register') await h.exchange();
  }
  return id;
}

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
  for (const person of people) ids.push(await issuedFor(person));
});
afterAll(() => h.close());

describe(`ratings on ${testDatabaseKind}`, () => {
  it('lets the applicant rate once after the result is issued, and nobody else', async () => {
    const rate = (who: TokenClaims, id: string, body: object) =>
      h.call(who, 'POST', `/applications/${id}/rating`, body);
    expect((await rate(people[0]!, ids[0]!, { score: 6 })).status).toBe(422);
    expect((await rate(people[1]!, ids[0]!, { score: 5 })).status).toBe(404);
    expect(
      (await rate(people[0]!, ids[0]!, { score: 5, comment: 'Быстро и вежливо' })).status,
    ).toBe(201);
    expect((await rate(people[0]!, ids[0]!, { score: 1 })).status).toBe(409);
    expect((await rate(people[1]!, ids[1]!, { score: 4 })).status).toBe(201);
    expect((await rate(people[2]!, ids[2]!, { score: 4 })).status).toBe(201);
  });

  it('aggregates per service, office and officer, for the agency and the region', async () => {
    const summary = async (who: TokenClaims, by: string) =>
      (await (await h.call(who, 'GET', `/ratings?by=${by}`)).json()) as {
        items: { key: string; ratings: number; average: number; distribution: number[] }[];
      };
    expect((await summary(supervisor, 'service')).items).toEqual([
      { key: 'unified-child-allowance', ratings: 3, average: 4.33, distribution: [0, 0, 0, 2, 1] },
    ]);
    expect((await summary(supervisor, 'office')).items[0]).toMatchObject({
      key: 'mfc-kemerovo-central',
      ratings: 3,
    });
    expect((await summary(supervisor, 'officer')).items[0]).toMatchObject({
      key: 'officer-sf-5',
      ratings: 3,
    });
    expect((await summary(otherSupervisor, 'service')).items).toEqual([]);
    const admin = { sub: 'admin', roles: ['regional-admin'] };
    expect((await summary(admin, 'service')).items).toHaveLength(1);
    expect((await h.call(people[0]!, 'GET', '/ratings')).status).toBe(403);
  });
});
