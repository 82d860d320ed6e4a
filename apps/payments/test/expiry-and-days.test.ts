import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '@okno/plugin-sdk';
import { testDatabaseKind } from '@okno/testing';
import { expirePayments } from '../src/jobs/expire-payments';
import {
  cashDesk,
  citizen,
  officer,
  paymentsHarness,
  SIMULATOR_SECRET,
  supervisor,
  type PaymentsHarness,
} from './payments-harness';

// Kemerovo is UTC+7: a payment at 01:30 local time on the 22nd is 18:30 UTC on the 21st.
let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness({ timeZone: 'Asia/Novokuznetsk' });
});
afterAll(() => h.close());

async function fine(amountMinor: number) {
  const res = await h.call(officer, 'POST', '/accruals', {
    amountMinor,
    budgetCode: '18811601123010001140',
    purpose: 'Штраф',
    payer: { subject: citizen.sub },
  });
  return ((await res.json()) as { uin: string }).uin;
}

const statusOf = async (id: string) =>
  ((await (await h.call(citizen, 'GET', `/payments/${id}`)).json()) as { status: string }).status;

describe(`expiry and the region's days on ${testDatabaseKind}`, () => {
  it("expires a payment left at the bank for 30 minutes, yet takes the bank's later 'paid'", async () => {
    const uin = await fine(10_000);
    const res = await h.call(citizen, 'POST', `/accruals/${uin}/payments`, {
      provider: 'okno.bank-simulator',
    });
    const payment = (await res.json()) as { id: string; amountMinor: number };
    h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000);
    expect(await expirePayments(h.ctx, h.handle.db)).toBe(0);
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
    expect(await expirePayments(h.ctx, h.handle.db)).toBe(1);
    expect(await statusOf(payment.id)).toBe('expired');
    expect(await expirePayments(h.ctx, h.handle.db)).toBe(0);

    const body = JSON.stringify({
      eventId: randomUUID(),
      paymentId: payment.id,
      outcome: 'paid',
      amountMinor: payment.amountMinor,
      occurredAt: h.clock.now.toISOString(),
      reference: `sim-${payment.id}`,
    });
    const late = await h.app.request('/webhooks/okno.bank-simulator', {
      method: 'POST',
      body,
      headers: { 'okno-signature': signWebhook(SIMULATOR_SECRET, body, h.clock.now) },
    });
    expect(await late.json()).toEqual({ effect: 'applied' });
    expect(await statusOf(payment.id)).toBe('paid');
  });

  it("reconciles a statement day as the region's calendar has it, not UTC's", async () => {
    const uin = await fine(5_000);
    const posted = await h.call(cashDesk, 'POST', '/cash-payments', {
      uin,
      amountMinor: 5_000,
      officeCode: 'mfc-1',
      receiptNumber: 'night-1',
      paidAt: '2026-11-21T18:30:00Z',
    });
    expect(posted.status).toBe(201);
    const csv = `line_id,uin,amount_minor,currency,paid_at\nT-1,${uin},5000,RUB,2026-11-22T01:30:00+07:00`;
    const res = await h.call(
      supervisor,
      'POST',
      '/statements?source=okno.cash&date=2026-11-22',
      undefined,
      { 'content-type': 'text/csv' },
      csv,
    );
    expect(await res.json()).toMatchObject({ lineCount: 1, matchedCount: 1, discrepancies: [] });
  });
});
