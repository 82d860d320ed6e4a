import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;
const applicant = citizen('citizen-nina');
const officer = backOfficer('officer-sf-12', 'social-fund');
const colleague = backOfficer('officer-sf-13', 'social-fund');
const otherAgency = backOfficer('officer-int-12', 'interior');
const postSystem: TokenClaims = { sub: 'partner-russian-post', roles: ['partner-post'] };
const mobileSync: TokenClaims = { sub: 'partner-mobile-sync', roles: ['partner-mobile-sync'] };
const mfc = frontOfficer('mfc-12', 'mfc-officer', 'mfc-kemerovo-central');
let id = '';

type Entry = { step: string; actor: { kind: string; subject?: string }; reason: string | null };
const history = async (who: TokenClaims) => {
  const res = await h.call(who, 'GET', `/applications/${id}/history`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Entry[] }).items;
};

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
  // Taken in by the post operator's system at a post office, collected at an MFC.
  const res = await h.call(postSystem, 'POST', '/counter/applications', {
    serviceCode: service.code,
    applicant: { ...counterApplicant('Нина Волкова', '3201 121212'), subject: applicant.sub },
    formData: { fullName: 'Нина Волкова', childName: 'Ян', bankAccount: '40817810000000000012' },
    officeCode: 'post-650000',
    checkedBy: 'operator-5',
    collectOfficeCode: 'mfc-kemerovo-central',
  });
  id = ((await res.json()) as { id: string }).id;
  await h.call(officer, 'PUT', `/applications/${id}/assignee`, { assignee: officer.sub });
  await h.call(officer, 'POST', `/applications/${id}/steps`, { step: 'register' });
});
afterAll(() => h.close());

describe(`internal comments on ${testDatabaseKind}`, () => {
  it('are a thread for the officers on the application, oldest first', async () => {
    const first = await h.call(officer, 'POST', `/applications/${id}/comments`, {
      body: 'Проверить доходы за октябрь',
    });
    expect(first.status).toBe(201);
    await h.call(mfc, 'POST', `/applications/${id}/comments`, {
      body: 'Заявитель просит позвонить перед выдачей',
    });
    const thread = await h.call(colleague, 'GET', `/applications/${id}/comments`);
    const items = ((await thread.json()) as { items: { body: string; author: unknown }[] }).items;
    expect(items.map((c) => c.body)).toEqual([
      'Проверить доходы за октябрь',
      'Заявитель просит позвонить перед выдачей',
    ]);
    expect(items[1]?.author).toEqual({
      subject: 'mfc-12',
      agency: 'mfc',
      office: 'mfc-kemerovo-central',
    });
  });

  it('are never the applicant’s to read or write, nor another agency’s', async () => {
    const path = `/applications/${id}/comments`;
    expect((await h.call(applicant, 'GET', path)).status).toBe(403);
    expect((await h.call(applicant, 'POST', path, { body: 'hello' })).status).toBe(403);
    expect((await h.call(postSystem, 'GET', path)).status).toBe(403);
    expect((await h.call(otherAgency, 'GET', path)).status).toBe(404);
    expect((await h.call(officer, 'POST', path, { body: '   ' })).status).toBe(422);
  });
});

describe(`the history of an application on ${testDatabaseKind}`, () => {
  it('shows the applicant every step, and what kind of actor took it, not who', async () => {
    const seen = await history(applicant);
    expect(seen.map((e) => [e.step, e.actor])).toEqual([
      ['submit', { kind: 'partner' }],
      ['register', { kind: 'staff' }],
      ['await-registries', { kind: 'node' }],
    ]);
  });

  it('shows officers who did what, and the internal assignments', async () => {
    const seen = await history(officer);
    expect(seen.map((e) => [e.step, e.actor.subject])).toEqual([
      ['submit', 'partner-russian-post'],
      ['assign', 'officer-sf-12'],
      ['register', 'officer-sf-12'],
      ['await-registries', 'okno:applications'],
    ]);
  });
});

describe(`a partner system on ${testDatabaseKind}`, () => {
  it('follows what it submitted, and nothing else, without acting on it', async () => {
    const status = await h.call(postSystem, 'GET', `/applications/${id}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: 'awaiting-registries', channel: 'post' });
    expect((await h.call(postSystem, 'GET', `/applications/${id}/history`)).status).toBe(200);
    expect((await h.call(mobileSync, 'GET', `/applications/${id}`)).status).toBe(404);
    const withdraw = await h.call(postSystem, 'POST', `/applications/${id}/steps`, {
      step: 'withdraw',
    });
    expect(withdraw.status).toBe(403);
  });
});
