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
 * (counter-journey.test.ts), walked from intake to the result handed over where it was
 * taken in: the officer at the door, or a partner system naming its office and operator.
 */
const doors: {
  door: string;
  intake: TokenClaims;
  office: string;
  partner?: { checkedBy: string };
  /** Who hands the result over at that office. */
  counter: TokenClaims;
  channel: string;
}[] = [
  {
    door: 'a post office officer',
    intake: frontOfficer('post-officer-9', 'post-officer', 'post-650000'),
    office: 'post-650000',
    counter: frontOfficer('post-officer-9b', 'post-officer', 'post-650000'),
    channel: 'post',
  },
  {
    door: 'a mobile office officer',
    intake: frontOfficer('mobile-officer-9', 'mobile-officer', 'mfc-mobile-1'),
    office: 'mfc-mobile-1',
    counter: frontOfficer('mobile-officer-9b', 'mobile-officer', 'mfc-mobile-1'),
    channel: 'mobile',
  },
  {
    door: "the post operator's system (client credentials)",
    intake: { sub: 'partner-russian-post', roles: ['partner-post'] },
    office: 'post-652000',
    partner: { checkedBy: 'operator-17' },
    counter: frontOfficer('post-officer-9c', 'post-officer', 'post-652000'),
    channel: 'post',
  },
  {
    door: "the mobile offices' synchroniser (client credentials)",
    intake: { sub: 'partner-mobile-sync', roles: ['partner-mobile-sync'] },
    office: 'mfc-mobile-1',
    partner: { checkedBy: 'mobile-operator-3' },
    counter: frontOfficer('mobile-officer-9c', 'mobile-officer', 'mfc-mobile-1'),
    channel: 'mobile',
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
      },
      { 'idempotency-key': `journey-${door.intake.sub}` },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const taken = (await res.json()) as {
      id: string;
      channel: string;
      officeCode: string;
      collectOfficeCode: string;
    };
    const id = taken.id;
    expect(taken).toMatchObject({
      channel: door.channel,
      officeCode: door.office,
      collectOfficeCode: door.office,
    });

    expect(await step(decider, 'register')).toBe('awaiting-registries');
    await h.exchange();
    // The applicant online and the office that took it in see the same status.
    expect(await statusSeenBy(person)).toBe('in-review');
    expect(await statusSeenBy(door.counter)).toBe('in-review');
    expect(await step(decider, 'decide', { outcome: 'approved' })).toBe('decided');
    expect(await step(door.counter, 'result-ready')).toBe('result-ready');
    expect(await step(door.counter, 'issue')).toBe('issued');
    expect(await statusSeenBy(person)).toBe('issued');
    expect(await statusSeenBy(decider)).toBe('issued');
  });
});
