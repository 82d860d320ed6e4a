import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;
const decider = backOfficer('officer-sf-9', 'social-fund');

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
});
afterAll(() => h.close());

/**
 * Every door other than the portal (portal-journey.test.ts) and the MFC counter
 * (counter-journey.test.ts), walked from intake to the result handed over where the applicant
 * chose to collect it: the officer at the door, or a partner system naming its office and
 * operator.
 */
const mfcCentral = frontOfficer('mfc-officer-9', 'mfc-officer', 'mfc-kemerovo-central');
const mobileCrew = frontOfficer('mobile-officer-9b', 'mobile-officer', 'mfc-mobile-1');
const doors: {
  door: string;
  intake: TokenClaims;
  office: string;
  partner?: { checkedBy: string };
  channel: string;
  /** Where the applicant collects the result, and who hands it over there. */
  collect: { officeCode: string; visitOn?: string; counter: TokenClaims };
}[] = [
  {
    door: 'a post office officer',
    intake: frontOfficer('post-officer-9', 'post-officer', 'post-650000'),
    office: 'post-650000',
    channel: 'post',
    // Taken in at the post office, collected at an MFC across town.
    collect: { officeCode: 'mfc-kemerovo-central', counter: mfcCentral },
  },
  {
    door: 'a mobile office officer',
    intake: frontOfficer('mobile-officer-9', 'mobile-officer', 'mfc-mobile-1'),
    office: 'mfc-mobile-1',
    channel: 'mobile',
    // Collected when the mobile office comes back to Sheregesh on 1 December.
    collect: { officeCode: 'mfc-mobile-1', visitOn: '2026-12-01', counter: mobileCrew },
  },
  {
    door: "the post operator's system (client credentials)",
    intake: { sub: 'partner-russian-post', roles: ['partner-post'] },
    office: 'post-654000',
    partner: { checkedBy: 'operator-17' },
    channel: 'post',
    collect: { officeCode: 'mfc-kemerovo-central', counter: mfcCentral },
  },
  {
    door: "the mobile offices' synchroniser (client credentials)",
    intake: { sub: 'partner-mobile-sync', roles: ['partner-mobile-sync'] },
    office: 'mfc-mobile-1',
    partner: { checkedBy: 'mobile-operator-3' },
    channel: 'mobile',
    collect: { officeCode: 'mfc-mobile-1', counter: mobileCrew },
  },
];

describe.each(doors)(`through $door on ${testDatabaseKind}`, (door) => {
  it('goes from intake to the result handed over, the same status on every channel', async () => {
    const person = citizen(`citizen-${door.intake.sub}`);
    const step = async (who: TokenClaims, name: string, extra: object = {}) => {
      const res = await h.call(who, 'POST', `/applications/${id}/steps`, { step: name, ...extra });
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(200);
      return ((await res.json()) as { status: string }).status;
    };
    const statusSeenBy = async (who: TokenClaims) =>
      ((await (await h.call(who, 'GET', `/applications/${id}`)).json()) as { status: string })
        .status;

    const res = await h.call(
      door.intake,
      'POST',
      '/counter/applications',
      {
        serviceCode: 'unified-child-allowance',
        applicant: { ...counterApplicant('Пётр Ильин', '3212 000999'), subject: person.sub },
        formData: { fullName: 'Пётр Ильин', childName: 'Ян', bankAccount: '40817810000000000009' },
        ...(door.partner && { officeCode: door.office, checkedBy: door.partner.checkedBy }),
        collectOfficeCode: door.collect.officeCode,
        ...(door.collect.visitOn && { collectVisitOn: door.collect.visitOn }),
      },
      { 'idempotency-key': `journey-${door.intake.sub}` },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const taken = (await res.json()) as {
      id: string;
      channel: string;
      officeCode: string;
      collectOfficeCode: string;
      collectVisitOn: string | null;
    };
    const id = taken.id;
    expect(taken).toMatchObject({
      channel: door.channel,
      officeCode: door.office,
      collectOfficeCode: door.collect.officeCode,
      collectVisitOn: door.collect.visitOn ?? null,
    });

    expect(await step(decider, 'register')).toBe('awaiting-registries');
    await h.exchange();
    // The applicant online and the office where they collect it see the same status.
    expect(await statusSeenBy(person)).toBe('in-review');
    expect(await statusSeenBy(door.collect.counter)).toBe('in-review');
    expect(await step(decider, 'decide', { outcome: 'approved' })).toBe('decided');
    // The result travels to the collection office, which says when it has arrived.
    expect(await step(decider, 'dispatch-result')).toBe('result-in-transit');
    expect(await statusSeenBy(person)).toBe('result-in-transit');
    expect(await step(door.collect.counter, 'result-ready')).toBe('result-ready');
    expect(await step(door.collect.counter, 'issue')).toBe('issued');
    expect(await statusSeenBy(person)).toBe('issued');
    expect(await statusSeenBy(decider)).toBe('issued');
  });
});
