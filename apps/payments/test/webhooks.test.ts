import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsOutbox } from '@okno/db/payments';
import type { NoticeBody } from '@okno/plugin-payment-bank-simulator';
import { signWebhook } from '@okno/plugin-sdk';
import { testDatabaseKind } from '@okno/testing';
import { checkLedger } from '../src/store/ledger-check';
import {
  citizen,
  officer,
  paymentsHarness,
  PUBLIC_URL,
  SIMULATOR_SECRET,
  type PaymentsHarness,
} from './payments-harness';

let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness();
});
afterAll(() => h.close());

const SIMULATOR = 'okno.bank-simulator';
interface Payment {
  id: string;
  status: string;
  amountMinor: number;
  redirectUrl: string | null;
  reference: string;
  uin: string;
}

async function newFine(amountMinor = 80_000): Promise<string> {
  const res = await h.call(officer, 'POST', '/accruals', {
    amountMinor,
    budgetCode: '18811601123010001140',
    purpose: 'Штраф',
    payer: { subject: citizen.sub },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { uin: string }).uin;
}

async function startPayment(uin: string): Promise<Payment> {
  const res = await h.call(
    citizen,
    'POST',
    `/accruals/${uin}/payments`,
    { provider: SIMULATOR, returnUrl: `${PUBLIC_URL}/payments/done` },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Payment;
}

/** A notice as the simulator would sign it, at the harness's clock unless told otherwise. */
function signed(notice: NoticeBody, at = h.clock.now) {
  const body = JSON.stringify(notice);
  return { body, signature: signWebhook(SIMULATOR_SECRET, body, at) };
}

const notice = (
  p: Payment,
  outcome: 'paid' | 'failed',
  overrides: Partial<NoticeBody> = {},
): NoticeBody => ({
  eventId: randomUUID(),
  paymentId: p.id,
  outcome,
  amountMinor: p.amountMinor,
  occurredAt: h.clock.now.toISOString(),
  reference: p.reference,
  ...overrides,
});

const post = (n: { body: string; signature: string }) =>
  h.app.request(`/webhooks/${SIMULATOR}`, {
    method: 'POST',
    body: n.body,
    headers: { 'content-type': 'application/json', 'okno-signature': n.signature },
  });

const statusOf = async (id: string) =>
  ((await (await h.call(citizen, 'GET', `/payments/${id}`)).json()) as Payment).status;

describe(`bank simulator webhooks on ${testDatabaseKind}`, () => {
  it('pays through the checkout page: the signed webhook marks it paid, the ledger balances', async () => {
    const uin = await newFine();
    const payment = await startPayment(uin);
    expect(payment.status).toBe('pending');
    const page = new URL(payment.redirectUrl!);
    expect(page.origin).toBe(PUBLIC_URL);
    const html = await (await h.app.request(page.pathname.replace('/api/payments', ''))).text();
    expect(html).toContain('800,00');
    const form = new URLSearchParams({ outcome: 'paid' });
    const done = await h.app.request(page.pathname.replace('/api/payments', ''), {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${PUBLIC_URL}/payments/done?payment=${payment.id}`);
    expect(await statusOf(payment.id)).toBe('paid');
    const accrual = (await (await h.app.request(`/accruals/${uin}`)).json()) as {
      status: string;
      paidMinor: number;
    };
    expect(accrual).toMatchObject({ status: 'paid', paidMinor: 80_000 });
    expect((await checkLedger(h.handle.db)).ok).toBe(true);
  });

  it('refuses a tampered notice with 401 and changes nothing', async () => {
    const payment = await startPayment(await newFine());
    const genuine = signed(notice(payment, 'paid'));
    const tampered = { ...genuine, body: genuine.body.replace('"paid"', '"failed"') };
    const res = await post(tampered);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/does not match/);
    const forged = {
      body: genuine.body,
      signature: signWebhook('a guessed secret', genuine.body, h.clock.now),
    };
    expect((await post(forged)).status).toBe(401);
    const unsigned = await h.app.request(`/webhooks/${SIMULATOR}`, {
      method: 'POST',
      body: genuine.body,
    });
    expect(unsigned.status).toBe(401);
    expect(await statusOf(payment.id)).toBe('pending');
  });

  it('answers a replayed notice as a duplicate, and refuses it once stale', async () => {
    const payment = await startPayment(await newFine());
    const once = signed(notice(payment, 'paid'));
    expect(await (await post(once)).json()).toEqual({ effect: 'applied' });
    expect(await (await post(once)).json()).toEqual({ effect: 'duplicate' });
    h.clock.now = new Date(h.clock.now.getTime() + 301_000);
    const late = await post(once);
    expect(late.status).toBe(401);
    expect(((await late.json()) as { detail: string }).detail).toMatch(/tolerance 300 s/);
    expect((await checkLedger(h.handle.db)).ok).toBe(true);
    const entries = await h.count(
      `select count(*)::int as n from payments.ledger_entries where payment_id = '${payment.id}'`,
    );
    expect(entries).toBe(2);
    // The notice taken is in the audit trail once; the replays left nothing there.
    const audited = await h.count(
      `select count(*)::int as n from identity.audit_events
       where kind = 'payment-notice-taken' and target = '${payment.id}'
         and details->>'effect' = 'applied' and actor_subject = 'provider:${SIMULATOR}'`,
    );
    expect(audited).toBe(1);
  });

  it('never moves a payment backwards when notices arrive out of order', async () => {
    const payment = await startPayment(await newFine());
    const paidAt = h.clock.now;
    const failedEarlier = notice(payment, 'failed', {
      occurredAt: new Date(paidAt.getTime() - 60_000).toISOString(),
    });
    expect(await (await post(signed(notice(payment, 'paid')))).json()).toEqual({
      effect: 'applied',
    });
    expect(await (await post(signed(failedEarlier))).json()).toEqual({
      effect: 'stale: the payment is already paid',
    });
    expect(await statusOf(payment.id)).toBe('paid');

    // The other way round: a failure, then the bank confirms the money after all.
    const second = await startPayment(await newFine());
    expect(await (await post(signed(notice(second, 'failed')))).json()).toEqual({
      effect: 'applied',
    });
    expect(await statusOf(second.id)).toBe('failed');
    expect(await (await post(signed(notice(second, 'paid')))).json()).toEqual({
      effect: 'applied',
    });
    expect(await statusOf(second.id)).toBe('paid');
    expect((await checkLedger(h.handle.db)).ok).toBe(true);
  });

  it('refuses a notice for another amount or an unknown payment, naming why', async () => {
    const payment = await startPayment(await newFine());
    const wrong = await post(signed(notice(payment, 'paid', { amountMinor: 1 })));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/says 1 kopecks/);
    const unknown = await post(signed(notice(payment, 'paid', { paymentId: randomUUID() })));
    expect(unknown.status).toBe(404);
    const garbage = {
      body: 'not json',
      signature: signWebhook(SIMULATOR_SECRET, 'not json', h.clock.now),
    };
    expect((await post(garbage)).status).toBe(401);
    expect(
      (await h.app.request('/webhooks/no-such-bank', { method: 'POST', body: '{}' })).status,
    ).toBe(404);
    expect(await statusOf(payment.id)).toBe('pending');
  });

  it("announces a paid application fee so the application's fee is marked paid", async () => {
    const applicationId = randomUUID();
    await h.deliver({
      id: randomUUID(),
      type: 'applications.application.submitted',
      occurredAt: new Date(),
      headers: {},
      payload: {
        applicationId,
        number: 'KEM-2026-0000077',
        agencyCode: 'traffic-police',
        fees: [
          {
            budgetCode: '18210807010018000110',
            amountMinor: 400_000,
            title: { ru: 'Пошлина', en: 'Duty' },
          },
        ],
        payer: { subject: citizen.sub, company: null, documentIndex: null },
      },
    });
    const mine = (await (await h.call(citizen, 'GET', '/accruals')).json()) as {
      items: { uin: string; amountMinor: number }[];
    };
    const fee = mine.items.find((a) => a.amountMinor === 400_000)!;
    const payment = await startPayment(fee.uin);
    await post(signed(notice(payment, 'paid')));
    const events = await h.handle.db.select().from(paymentsOutbox);
    const paid = events.filter((e) => e.type === 'payments.fee.paid');
    expect(paid.map((e) => e.payload)).toContainEqual({
      applicationId,
      amountMinor: 400_000,
      paymentId: payment.id,
    });
  });
});
