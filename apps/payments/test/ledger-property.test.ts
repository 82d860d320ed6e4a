import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeBody } from '@okno/plugin-payment-bank-simulator';
import { signWebhook } from '@okno/plugin-sdk';
import { testDatabaseKind } from '@okno/testing';
import { expirePayments } from '../src/jobs/expire-payments';
import { checkLedger } from '../src/store/ledger-check';
import { budgetCreditOf } from '../src/store/ledger-store';
import {
  cashDesk,
  citizen,
  officer,
  paymentsHarness,
  SIMULATOR_SECRET,
  supervisor,
  type PaymentsHarness,
} from './payments-harness';

/**
 * Thousands of random operations through the service's own routes (start a card payment,
 * the bank's notices in any order and replayed, cash at a counter, refunds, expiry), checked
 * after every run against a model written here independently: the ledger sums to zero, every
 * payment is in the state the model says, and the budget got exactly what the model says.
 */
type Op =
  | { kind: 'start'; accrual: number }
  | { kind: 'notice'; payment: number; outcome: 'paid' | 'failed'; replay: boolean }
  | { kind: 'cash'; accrual: number; percent: number }
  | { kind: 'refund'; payment: number; percent: number }
  | { kind: 'expire' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), accrual: fc.nat(2) }),
  fc.record({
    kind: fc.constant('notice' as const),
    payment: fc.nat(),
    outcome: fc.constantFrom('paid' as const, 'failed' as const),
    replay: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('cash' as const),
    accrual: fc.nat(2),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    payment: fc.nat(),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.constant({ kind: 'expire' as const }),
);

type Status = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';
/** The model's own order of states: a change is taken only if it goes further. */
const further: Record<Status, number> = { pending: 1, failed: 2, expired: 2, paid: 3, refunded: 4 };

interface ModelPayment {
  id: string;
  accrual: number;
  amount: number;
  refunded: number;
  status: Status;
  card: boolean;
}

let h: PaymentsHarness;
let operations = 0;
beforeAll(async () => {
  h = await paymentsHarness();
});
afterAll(() => h.close());

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

async function run(ops: Op[], amounts: number[]) {
  const uins: string[] = [];
  for (const amountMinor of amounts) {
    const res = await h.call(officer, 'POST', '/accruals', {
      amountMinor,
      budgetCode: '18811601123010001140',
      purpose: 'Штраф',
      payer: { subject: citizen.sub },
    });
    uins.push((await json<{ uin: string }>(res)).uin);
  }
  const payments: ModelPayment[] = [];
  const paidOf = (accrual: number) =>
    payments
      .filter((p) => p.accrual === accrual && (p.status === 'paid' || p.status === 'refunded'))
      .reduce((sum, p) => sum + p.amount - p.refunded, 0);
  const outstanding = (accrual: number) => amounts[accrual]! - paidOf(accrual);

  for (const o of ops) {
    operations += 1;
    if (o.kind === 'start') {
      const res = await h.call(citizen, 'POST', `/accruals/${uins[o.accrual]}/payments`, {
        provider: 'okno.bank-simulator',
      });
      if (outstanding(o.accrual) <= 0) {
        expect(res.status).toBe(409);
        continue;
      }
      expect(res.status).toBe(201);
      const p = await json<{ id: string; amountMinor: number }>(res);
      expect(p.amountMinor).toBe(outstanding(o.accrual));
      payments.push({
        id: p.id,
        accrual: o.accrual,
        amount: p.amountMinor,
        refunded: 0,
        status: 'pending',
        card: true,
      });
    } else if (o.kind === 'notice') {
      const cards = payments.filter((p) => p.card);
      if (cards.length === 0) continue;
      const p = cards[o.payment % cards.length]!;
      const notice: NoticeBody = {
        eventId: randomUUID(),
        paymentId: p.id,
        outcome: o.outcome,
        amountMinor: p.amount,
        occurredAt: h.clock.now.toISOString(),
        reference: `sim-${p.id}`,
      };
      const body = JSON.stringify(notice);
      const send = () =>
        h.app.request('/webhooks/okno.bank-simulator', {
          method: 'POST',
          body,
          headers: { 'okno-signature': signWebhook(SIMULATOR_SECRET, body, h.clock.now) },
        });
      expect((await send()).status).toBe(200);
      if (further[o.outcome] > further[p.status]) p.status = o.outcome;
      if (o.replay) expect(await json(await send())).toEqual({ effect: 'duplicate' });
    } else if (o.kind === 'cash') {
      const left = outstanding(o.accrual);
      const amountMinor = Math.max(1, Math.floor((left * o.percent) / 100));
      const res = await h.call(cashDesk, 'POST', '/cash-payments', {
        uin: uins[o.accrual],
        amountMinor,
        officeCode: 'mfc-1',
        receiptNumber: randomUUID(),
        paidAt: h.clock.now.toISOString(),
      });
      if (left <= 0) {
        expect(res.status).toBe(422);
        continue;
      }
      expect(res.status).toBe(201);
      const p = await json<{ id: string }>(res);
      payments.push({
        id: p.id,
        accrual: o.accrual,
        amount: amountMinor,
        refunded: 0,
        status: 'paid',
        card: false,
      });
    } else if (o.kind === 'refund') {
      if (payments.length === 0) continue;
      const p = payments[o.payment % payments.length]!;
      const left = p.amount - p.refunded;
      const amountMinor = Math.max(1, Math.floor((left * o.percent) / 100));
      const res = await h.call(supervisor, 'POST', `/payments/${p.id}/refunds`, {
        amountMinor,
        reason: 'returned by decision',
      });
      if (p.status !== 'paid') {
        expect(res.status).toBe(409);
        continue;
      }
      expect(res.status).toBe(201);
      p.refunded += amountMinor;
      if (p.refunded === p.amount) p.status = 'refunded';
    } else {
      h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
      await expirePayments(h.ctx, h.handle.db);
      for (const p of payments) if (p.status === 'pending') p.status = 'expired';
    }
  }

  const check = await checkLedger(h.handle.db);
  expect(check).toMatchObject({
    ok: true,
    unbalancedJournals: [],
    paymentsDisagreeing: [],
    accrualsDisagreeing: [],
  });
  for (const p of payments) {
    const stored = await json<{ status: string; refundedMinor: number }>(
      await h.call(supervisor, 'GET', `/payments/${p.id}`),
    );
    expect(stored).toMatchObject({ status: p.status, refundedMinor: p.refunded });
    const holds = p.status === 'paid' || p.status === 'refunded' ? p.amount - p.refunded : 0;
    expect(await budgetCreditOf(h.handle.db, p.id)).toBe(holds);
  }
  for (const [i, uin] of uins.entries()) {
    const accrual = await json<{ paidMinor: number }>(await h.app.request(`/accruals/${uin}`));
    expect(accrual.paidMinor).toBe(paidOf(i));
  }
}

describe(`the ledger under random operations on ${testDatabaseKind}`, () => {
  it('always sums to zero and agrees with every payment and accrual', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 20, maxLength: 50 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 3, maxLength: 3 }),
        (ops, amounts) => run(ops, amounts),
      ),
      { numRuns: 80 },
    );
    // Honest about "thousands": the runs above made at least this many operations.
    expect(operations).toBeGreaterThanOrEqual(2_000);
  }, 600_000);
});
