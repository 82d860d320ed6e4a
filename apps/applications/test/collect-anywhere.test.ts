import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { newId } from '@okno/db';
import { applicationsOutbox, applicationTransitions } from '@okno/db/applications';
import type { EventEnvelope } from '@okno/events';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { feePaymentsSubscription } from '../src/fees/fee-payments';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen, frontOfficer } from './people';

let h: ApplicationsHarness;
const lena = citizen('citizen-lena');
const registrar = backOfficer('zags-officer-1', 'civil-registry');
const allowanceOfficer = backOfficer('officer-sf-11', 'social-fund');
const mfcLenin = frontOfficer('mfc-lenin-1', 'mfc-officer', 'mfc-kemerovo-lenin');

type Problem = { errors: { pointer: string; message: string }[] };
type View = {
  id: string;
  status: string;
  collectOfficeCode: string | null;
  collectVisitOn: string | null;
  fee: { dueMinor: number; paidMinor: number; paidAt: string | null };
};
const draft = (body: object) => h.call(lena, 'POST', '/applications', body);
const step = (who: TokenClaims, id: string, name: string, extra: object = {}) =>
  h.call(who, 'POST', `/applications/${id}/steps`, { step: name, ...extra });
const marriageForm = {
  fullName: 'Елена Смирнова',
  spouseName: 'Олег Кузнецов',
  ceremonyDate: '2026-12-12',
};
const paid = (applicationId: string, amountMinor: number, id = newId()): EventEnvelope => ({
  id,
  type: 'payments.fee.paid',
  payload: { applicationId, amountMinor, paymentId: `pay-${id.slice(-6)}` },
  occurredAt: h.now(),
  headers: {},
});

beforeAll(async () => {
  h = await applicationsHarness();
  for (const code of ['marriage-registration', 'unified-child-allowance']) {
    const service = demoServices.find((s) => s.code === code)!;
    await h.publish(service.code, service.content);
  }
});
afterAll(() => h.close());

describe(`collecting the result anywhere on ${testDatabaseKind}`, () => {
  it('accepts only an office that hands out the result, or the portal where it is delivered', async () => {
    const onPortal = await draft({ serviceCode: 'marriage-registration', collectOfficeCode: null });
    expect(onPortal.status).toBe(422);
    expect(((await onPortal.json()) as Problem).errors).toEqual([
      expect.objectContaining({
        pointer: '/collectOfficeCode',
        message: "this service's result is not delivered on the portal",
      }),
    ]);
    const atPost = await draft({
      serviceCode: 'marriage-registration',
      collectOfficeCode: 'post-650000',
    });
    expect(((await atPost.json()) as Problem).errors[0]?.message).toBe(
      "post-650000 does not hand out this service's results",
    );
    const atMfc = await draft({
      serviceCode: 'marriage-registration',
      collectOfficeCode: 'mfc-kemerovo-lenin',
    });
    expect(atMfc.status).toBe(201);
  });

  it("offers a mobile office's scheduled visits, and names them when another date is asked", async () => {
    const noVisit = await draft({
      serviceCode: 'unified-child-allowance',
      collectOfficeCode: 'mfc-mobile-1',
      collectVisitOn: '2026-12-02',
    });
    expect(noVisit.status).toBe(422);
    expect(((await noVisit.json()) as Problem).errors).toEqual([
      expect.objectContaining({
        pointer: '/collectVisitOn',
        message: expect.stringMatching(
          /^mfc-mobile-1 makes no visit on 2026-12-02; its next: 2026-12-01, 2026-12-03, /,
        ) as string,
      }),
    ]);
    const notMobile = await draft({
      serviceCode: 'unified-child-allowance',
      collectOfficeCode: 'mfc-kemerovo-central',
      collectVisitOn: '2026-12-01',
    });
    expect(((await notMobile.json()) as Problem).errors[0]).toMatchObject({
      pointer: '/collectVisitOn',
      message: 'mfc-kemerovo-central is not a mobile office',
    });
    const atVisit = await draft({
      serviceCode: 'unified-child-allowance',
      collectOfficeCode: 'mfc-mobile-1',
      collectVisitOn: '2026-12-03',
    });
    expect(await atVisit.json()).toMatchObject({
      collectOfficeCode: 'mfc-mobile-1',
      collectVisitOn: '2026-12-03',
    });
  });

  it('lets the applicant choose again until the result is on its way, and records it', async () => {
    const created = (await (
      await draft({ serviceCode: 'marriage-registration', collectOfficeCode: 'mfc-kemerovo-lenin' })
    ).json()) as View;
    const path = `/applications/${created.id}/collection`;
    const bad = await h.call(lena, 'PUT', path, { officeCode: 'post-650000' });
    expect(((await bad.json()) as Problem).errors[0]?.pointer).toBe('/officeCode');
    expect((await h.call(citizen('citizen-x'), 'PUT', path, { officeCode: null })).status).toBe(
      404,
    );
    const moved = await h.call(lena, 'PUT', path, { officeCode: 'mfc-yurga' });
    expect(await moved.json()).toMatchObject({ collectOfficeCode: 'mfc-yurga' });
    const [record] = await h.handle.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, created.id));
    expect(record).toMatchObject({
      step: 'collect-at',
      actorSubject: 'citizen-lena',
      reason: 'mfc-yurga',
    });
    const events = await h.handle.db.select().from(applicationsOutbox);
    expect(events.map((e) => e.type)).toContain('applications.application.collection-changed');
  });
});

describe(`the result's way to the office, and its fee, on ${testDatabaseKind}`, () => {
  let id = '';

  it('travels from the agency to the chosen office, which says when it arrived', async () => {
    const created = (await (
      await draft({
        serviceCode: 'marriage-registration',
        collectOfficeCode: 'mfc-kemerovo-lenin',
        formData: marriageForm,
      })
    ).json()) as View;
    id = created.id;
    expect((await step(lena, id, 'submit')).status).toBe(200);
    for (const name of ['register', 'review']) {
      expect((await step(registrar, id, name)).status).toBe(200);
    }
    expect((await step(registrar, id, 'decide', { outcome: 'approved' })).status).toBe(200);
    const sent = (await (await step(registrar, id, 'dispatch-result')).json()) as View;
    expect(sent.status).toBe('result-in-transit');
    // On its way: where it goes is settled.
    const late = await h.call(lena, 'PUT', `/applications/${id}/collection`, {
      officeCode: 'mfc-yurga',
    });
    expect(late.status).toBe(409);
    expect((await step(mfcLenin, id, 'result-ready')).status).toBe(200);
  });

  it('is handed over only once payments says the fee reached the budget', async () => {
    const before = (await (await h.call(lena, 'GET', `/applications/${id}`)).json()) as View;
    expect(before.fee).toEqual({ dueMinor: 35_000, paidMinor: 0, paidAt: null });
    const refused = await step(mfcLenin, id, 'issue');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /^The fee is not paid yet: 350,00\s₽ outstanding\.$/,
    );

    const payments = feePaymentsSubscription(h.handle.db);
    const first = paid(id, 20_000);
    expect(await payments.handle(first)).toBe('handled');
    // Delivered again (at least once): counted once.
    expect(await payments.handle(first)).toBe('duplicate');
    expect(
      ((await (await step(mfcLenin, id, 'issue')).json()) as { detail: string }).detail,
    ).toMatch(/150,00\s₽ outstanding/);
    expect(await payments.handle(paid(id, 15_000))).toBe('handled');
    const now = (await (await h.call(lena, 'GET', `/applications/${id}`)).json()) as View;
    expect(now.fee).toMatchObject({ dueMinor: 35_000, paidMinor: 35_000 });
    expect(now.fee.paidAt).not.toBeNull();
    expect(((await (await step(mfcLenin, id, 'issue')).json()) as View).status).toBe('issued');
    const events = await h.handle.db.select().from(applicationsOutbox);
    expect(events.filter((e) => e.type === 'applications.application.fee-paid')).toHaveLength(1);
  });

  it('counts a refunded fee as not paid any more', async () => {
    const payments = feePaymentsSubscription(h.handle.db);
    const refund = { ...paid(id, 15_000), type: 'payments.fee.refunded' };
    expect(await payments.handle(refund)).toBe('handled');
    expect(await payments.handle(refund)).toBe('duplicate');
    const after = (await (await h.call(lena, 'GET', `/applications/${id}`)).json()) as View;
    expect(after.fee).toEqual({ dueMinor: 35_000, paidMinor: 20_000, paidAt: null });
  });

  it('ignores a payment for no application of this node, rather than retrying it for ever', async () => {
    const payments = feePaymentsSubscription(h.handle.db);
    expect(await payments.handle(paid(newId(), 100))).toBe('handled');
  });

  it('has nothing to send when the result is delivered on the portal', async () => {
    const created = (await (
      await draft({
        serviceCode: 'unified-child-allowance',
        formData: {
          fullName: 'Елена Смирнова',
          childName: 'Ира',
          bankAccount: '40817810000000000011',
        },
      })
    ).json()) as View;
    expect(created.collectOfficeCode).toBeNull();
    await step(lena, created.id, 'submit');
    await step(allowanceOfficer, created.id, 'register');
    await h.exchange();
    await step(allowanceOfficer, created.id, 'decide', { outcome: 'approved' });
    const dispatch = await step(allowanceOfficer, created.id, 'dispatch-result');
    expect(dispatch.status).toBe(409);
    expect(((await dispatch.json()) as { detail: string }).detail).toBe(
      'The result is delivered on the portal: there is no office to send it to.',
    );
  });
});
