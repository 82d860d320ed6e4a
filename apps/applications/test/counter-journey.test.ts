import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { applications, applicationTransitions } from '@okno/db/applications';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, counterApplicant, frontOfficer } from './people';

let h: ApplicationsHarness;

const mfc = frontOfficer('officer-mfc-1', 'mfc-officer', 'mfc-kemerovo-central');
const mobile = frontOfficer('officer-mobile-1', 'mobile-officer', 'mfc-mobile-1');
const postOfficer = frontOfficer('officer-post-1', 'post-officer', 'post-650000');
const postSystem: TokenClaims = { sub: 'partner-russian-post', roles: ['partner-post'] };
const vera = citizen('citizen-vera');
const decider = backOfficer('officer-sf-2', 'social-fund');
const applicant = counterApplicant('Вера Сидорова', '3210 654321');
const formData = {
  fullName: 'Вера Сидорова',
  childName: 'Егор Сидоров',
  bankAccount: '40817810000000000003',
};
type View = {
  id: string;
  number: string;
  status: string;
  channel: string;
  officeCode: string;
  collectOfficeCode: string | null;
  steps: string[];
};

const takeIn = (who: TokenClaims, body: object, key?: string) =>
  h.call(who, 'POST', '/counter/applications', body, key ? { 'idempotency-key': key } : {});
const step = (who: TokenClaims, id: string, name: string, extra: object = {}) =>
  h.call(who, 'POST', `/applications/${id}/steps`, { step: name, ...extra });

beforeAll(async () => {
  h = await applicationsHarness();
  for (const code of ['unified-child-allowance', 'marriage-registration']) {
    const service = demoServices.find((s) => s.code === code)!;
    await h.publish(service.code, service.content);
  }
});
afterAll(() => h.close());

describe(`the counter channels on ${testDatabaseKind}`, () => {
  let id = '';

  it('takes an application in at an MFC after an identity check, submitted at once', async () => {
    const res = await takeIn(mfc, {
      serviceCode: 'unified-child-allowance',
      applicant: { ...applicant, subject: 'citizen-vera' },
      formData,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const view = (await res.json()) as View;
    id = view.id;
    expect(view).toMatchObject({
      status: 'submitted',
      channel: 'mfc',
      officeCode: 'mfc-kemerovo-central',
      collectOfficeCode: 'mfc-kemerovo-central',
    });
    expect(view.number).toMatch(/^KEM-2026-\d{7}$/);
    const [row] = await h.handle.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.identityCheck).toMatchObject({
      checkedBy: 'officer-mfc-1',
      office: 'mfc-kemerovo-central',
      documentKind: 'passport-rf',
    });
    // The document number is personal data: sealed, not in any column.
    expect(JSON.stringify(row)).not.toContain('654321');
  });

  it('lets the applicant follow it online, and nobody else', async () => {
    expect((await h.call(vera, 'GET', `/applications/${id}`)).status).toBe(200);
    const stranger = citizen('citizen-x');
    expect((await h.call(stranger, 'GET', `/applications/${id}`)).status).toBe(404);
    expect((await h.call(postOfficer, 'GET', `/applications/${id}`)).status).toBe(404);
  });

  it('is decided by the agency and issued at the counter where it is collected', async () => {
    expect((await step(decider, id, 'register')).status).toBe(200);
    await h.exchange();
    expect((await step(decider, id, 'decide', { outcome: 'approved' })).status).toBe(200);
    expect((await step(decider, id, 'result-ready')).status).toBe(200);
    // The agency does not hand out what is collected at an office; the office does.
    expect((await step(decider, id, 'issue')).status).toBe(403);
    expect((await step(postOfficer, id, 'issue')).status).toBe(404);
    const issued = (await (await step(mfc, id, 'issue')).json()) as View;
    expect(issued.status).toBe('issued');
    const steps = await h.handle.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, id))
      .orderBy(applicationTransitions.at, applicationTransitions.id);
    expect(steps.map((s) => [s.step, s.channel, s.officeCode])).toEqual([
      ['submit', 'mfc', 'mfc-kemerovo-central'],
      ['register', null, null],
      ['await-registries', null, null],
      ['registries-answered', null, null],
      ['decide', null, null],
      ['result-ready', null, null],
      ['issue', 'mfc', 'mfc-kemerovo-central'],
    ]);
  });

  it('refuses a service the door does not offer, and an incomplete form, naming each field', async () => {
    const wrongDoor = await takeIn(postOfficer, {
      serviceCode: 'marriage-registration',
      applicant,
      formData: {},
    });
    expect(wrongDoor.status).toBe(422);
    const problem = (await wrongDoor.json()) as { errors: { pointer: string; message: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({
        pointer: '/serviceCode',
        message: 'this service cannot be requested at a post office',
      }),
      expect.objectContaining({
        pointer: '/serviceCode',
        message: 'post-650000 does not take applications for this service in',
      }),
      expect.objectContaining({
        pointer: '/collectOfficeCode',
        message: "post-650000 does not hand out this service's results",
      }),
    ]);
    const incomplete = await takeIn(postOfficer, {
      serviceCode: 'unified-child-allowance',
      applicant,
      formData: { fullName: 'Вера Сидорова' },
      collectOfficeCode: 'mfc-kemerovo-central',
    });
    expect(incomplete.status).toBe(422);
    const missing = (await incomplete.json()) as { errors: { pointer: string }[] };
    expect(missing.errors.map((e) => e.pointer).sort()).toEqual([
      '/formData/bankAccount',
      '/formData/childName',
    ]);
  });

  it("takes a partner system's application only with the office and operator named", async () => {
    const unnamed = await takeIn(postSystem, {
      serviceCode: 'unified-child-allowance',
      applicant,
      formData,
    });
    expect(unnamed.status).toBe(422);
    const problem = (await unnamed.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/officeCode', '/checkedBy']);
    const named = await takeIn(postSystem, {
      serviceCode: 'unified-child-allowance',
      applicant,
      formData,
      officeCode: 'post-654000',
      checkedBy: 'operator-17',
      // Post offices take this allowance in, but its decision comes on the portal or at an MFC.
      collectOfficeCode: null,
    });
    expect(named.status, await named.clone().text()).toBe(201);
    expect(await named.json()).toMatchObject({
      channel: 'post',
      officeCode: 'post-654000',
      collectOfficeCode: null,
    });
  });

  it('refuses officers with no office, and everyone who is not a front office', async () => {
    const { office: _office, ...homeless } = mfc;
    expect((await takeIn(homeless, { serviceCode: 'x', applicant, formData })).status).toBe(403);
    expect((await takeIn(vera, { serviceCode: 'x', applicant, formData })).status).toBe(403);
    expect((await takeIn(decider, { serviceCode: 'x', applicant, formData })).status).toBe(403);
  });

  it('creates exactly one application from 100 concurrent retries of one submission', async () => {
    const body = { serviceCode: 'unified-child-allowance', applicant, formData };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => takeIn(mobile, body, 'satellite-retry-1')),
    );
    const statuses = responses.map((r) => r.status);
    // Each retry either replays the one answer or is told the first is still in progress.
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const ids = new Set(
      await Promise.all(
        responses.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as View).id),
      ),
    );
    expect(ids.size).toBe(1);
    const rows = await h.handle.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.officeCode, 'mfc-mobile-1'));
    expect(rows).toHaveLength(1);
  }, 60_000);
});
