import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { applicationsOutbox } from '@okno/db/applications';
import { testDatabaseKind, testRegion } from '@okno/testing';
import { sweepDeadlines } from '../src/deadline-sweep';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;
let id = '';
const region = testRegion();
const mfc = frontOfficer('officer-mfc-3', 'mfc-officer', 'mfc-kemerovo-central');
const officer = backOfficer('officer-sf-3', 'social-fund');
// 10:00 in Kemerovo on a given day.
const at = (day: string) => new Date(`${day}T03:00:00Z`);

const deadlineEvents = async () =>
  (await h.handle.db.select().from(applicationsOutbox))
    .filter((e) => e.type.includes('deadline') && e.payload['applicationId'] === id)
    .map((e) => e.type);

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
  h.setNow('2026-11-02T03:00:00Z');
  const res = await h.call(mfc, 'POST', '/counter/applications', {
    serviceCode: service.code,
    applicant: counterApplicant('Ольга Орлова', '3205 000111'),
    formData: { fullName: 'Ольга Орлова', childName: 'Ира', bankAccount: '40817810000000000005' },
  });
  id = ((await res.json()) as { id: string }).id;
  // Registered Monday 2 November: ten working days, due Tuesday 17 November.
  await h.call(officer, 'POST', `/applications/${id}/steps`, { step: 'register' });
});
afterAll(() => h.close());

describe(`the deadline sweep on ${testDatabaseKind}`, () => {
  it('leaves an application on time alone', async () => {
    expect(await sweepDeadlines(h.handle.db, region, at('2026-11-10'))).toEqual({
      checked: 1,
      near: 0,
      breached: 0,
    });
    expect(await deadlineEvents()).toEqual([]);
  });

  it('flags it once when two working days are left, however often it runs', async () => {
    // Friday 13 November: Monday 16 and Tuesday 17 remain.
    expect((await sweepDeadlines(h.handle.db, region, at('2026-11-13'))).near).toBe(1);
    expect((await sweepDeadlines(h.handle.db, region, at('2026-11-13'))).near).toBe(0);
    expect(await deadlineEvents()).toEqual(['applications.application.deadline-near']);
  });

  it('flags a breach once even when replicas sweep at the same moment', async () => {
    const runs = await Promise.all(
      Array.from({ length: 3 }, () => sweepDeadlines(h.handle.db, region, at('2026-11-18'))),
    );
    expect(runs.reduce((sum, r) => sum + r.breached, 0)).toBe(1);
    expect(await deadlineEvents()).toEqual([
      'applications.application.deadline-near',
      'applications.application.deadline-breached',
    ]);
    const supervisor = { sub: 'chief', roles: ['supervisor'], agency: 'social-fund' };
    const breached = (await (
      await h.call(supervisor, 'GET', '/queue?deadline=breached')
    ).json()) as { items: { id: string; dueOn: string }[] };
    expect(breached.items).toEqual([expect.objectContaining({ id, dueOn: '2026-11-17' })]);
  });

  it('stops watching once the application is decided', async () => {
    await h.exchange();
    await h.call(officer, 'POST', `/applications/${id}/steps`, {
      step: 'decide',
      outcome: 'approved',
    });
    expect((await sweepDeadlines(h.handle.db, region, at('2026-11-30'))).checked).toBe(0);
  });
});
