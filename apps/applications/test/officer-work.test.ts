import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;

const mfc = frontOfficer('officer-mfc-9', 'mfc-officer', 'mfc-kemerovo-central');
const anna = backOfficer('officer-sf-anna', 'social-fund');
const ivan = backOfficer('officer-sf-ivan', 'social-fund');
const chief: TokenClaims = { sub: 'chief-sf', roles: ['supervisor'], agency: 'social-fund' };
const police = backOfficer('officer-mvd', 'interior');
const applicant = counterApplicant('Пётр Иванов', '3201 123456');

type Page = {
  items: { id: string; serviceCode: string; dueOn: string | null; assignedTo: string | null }[];
};
const queueOf = async (who: TokenClaims, query = '') =>
  (await (await h.call(who, 'GET', `/queue${query}`)).json()) as Page;
const assign = (who: TokenClaims, id: string, assignee: string | null) =>
  h.call(who, 'PUT', `/applications/${id}/assignee`, { assignee });

const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await applicationsHarness();
  for (const code of ['unified-child-allowance', 'internal-passport']) {
    const service = demoServices.find((s) => s.code === code)!;
    await h.publish(service.code, service.content);
  }
  const forms = {
    'unified-child-allowance': {
      fullName: 'Пётр Иванов',
      childName: 'Олег Иванов',
      bankAccount: '40817810000000000004',
    },
    'internal-passport': { fullName: 'Пётр Иванов', birthDate: '1990-01-01', reason: 'age' },
  };
  // Two allowance applications registered a week apart, and a passport one for the police.
  const plan = [
    ['late', 'unified-child-allowance', '2026-11-09T03:00:00Z'],
    ['early', 'unified-child-allowance', '2026-11-02T03:00:00Z'],
    ['passport', 'internal-passport', '2026-11-02T03:00:00Z'],
  ] as const;
  for (const [name, code, when] of plan) {
    h.setNow(when);
    const res = await h.call(mfc, 'POST', '/counter/applications', {
      serviceCode: code,
      applicant,
      formData: forms[code],
    });
    if (res.status !== 201) throw new Error(await res.text());
    ids[name] = ((await res.json()) as { id: string }).id;
    const decider = code === 'internal-passport' ? police : anna;
    await h.call(decider, 'POST', `/applications/${ids[name]}/steps`, { step: 'register' });
  }
});
afterAll(() => h.close());

describe(`officer work on ${testDatabaseKind}`, () => {
  it('shows each agency its own queue, most urgent first, and the office the work it took in', async () => {
    const social = await queueOf(anna);
    expect(social.items.map((i) => i.id)).toEqual([ids['early'], ids['late']]);
    expect(social.items[0]!.dueOn! < social.items[1]!.dueOn!).toBe(true);
    expect((await queueOf(police)).items.map((i) => i.id)).toEqual([ids['passport']]);
    const counter = await queueOf(mfc, '?sort=newest');
    expect(counter.items.map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
    expect((await h.call(citizen('c'), 'GET', '/queue')).status).toBe(403);
  });

  it('lets an officer take unassigned work, and only a supervisor reassign it', async () => {
    const taken = await assign(anna, ids['early']!, 'officer-sf-anna');
    expect(taken.status).toBe(200);
    expect((await assign(ivan, ids['early']!, 'officer-sf-ivan')).status).toBe(409);
    expect((await assign(ivan, ids['late']!, 'officer-sf-anna')).status).toBe(403);
    expect((await assign(police, ids['early']!, 'officer-mvd')).status).toBe(404);
    expect((await assign(chief, ids['early']!, 'officer-sf-ivan')).status).toBe(200);
    const mine = await queueOf(ivan, '?assignee=me');
    expect(mine.items.map((i) => i.id)).toEqual([ids['early']]);
    const unassigned = await queueOf(chief, '?assignee=none');
    expect(unassigned.items.map((i) => i.id)).toEqual([ids['late']]);
    // Released work goes back to the pool.
    expect((await assign(ivan, ids['early']!, null)).status).toBe(200);
    expect((await queueOf(chief, '?assignee=none')).items).toHaveLength(2);
  });

  it('pages through a queue without repeating or skipping', async () => {
    const first = (await (await h.call(mfc, 'GET', '/queue?limit=2')).json()) as Page & {
      nextCursor: string;
    };
    expect(first.items).toHaveLength(2);
    const second = await queueOf(mfc, `?limit=2&cursor=${first.nextCursor}`);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(3);
  });
});
