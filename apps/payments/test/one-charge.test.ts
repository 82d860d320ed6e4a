import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankSimulator } from '@okno/plugin-payment-bank-simulator';
import type { PaymentProvider } from '@okno/plugin-sdk';
import { testDatabaseKind } from '@okno/testing';
import { checkLedger } from '../src/store/ledger-check';
import {
  cashDesk,
  citizen,
  officer,
  paymentsHarness,
  PUBLIC_URL,
  SIMULATOR_SECRET,
  type PaymentsHarness,
} from './payments-harness';

const RETRIES = 1_000;

/** The simulator, counting how many payments were started at the "bank". */
const started: string[] = [];
const simulator = bankSimulator({ secret: SIMULATOR_SECRET });
const counting: PaymentProvider = {
  ...simulator,
  start: (payment) => {
    started.push(payment.paymentId);
    return simulator.start(payment);
  },
};

let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness({ providers: [counting] });
});
afterAll(() => h.close());

async function newFine(amountMinor: number): Promise<string> {
  const res = await h.call(officer, 'POST', '/accruals', {
    amountMinor,
    budgetCode: '18811601123010001140',
    purpose: 'Штраф',
    payer: { subject: citizen.sub },
  });
  return ((await res.json()) as { uin: string }).uin;
}

const count = (query: string) => h.count(query);

describe(`${RETRIES} concurrent retries with one Idempotency-Key on ${testDatabaseKind}`, () => {
  it('start one payment at the provider, and every retry gets that payment', async () => {
    const uin = await newFine(120_000);
    const key = randomUUID();
    const body = { provider: counting.id, returnUrl: `${PUBLIC_URL}/done` };
    const responses = await Promise.all(
      Array.from({ length: RETRIES }, () =>
        h.call(citizen, 'POST', `/accruals/${uin}/payments`, body, { 'idempotency-key': key }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    // A retry that waited past the lock timeout is told to retry (409), never given a second payment.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(
      await Promise.all(
        responses
          .filter((r) => r.status === 201)
          .map(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    expect(ids.size).toBe(1);
    expect(started).toEqual([...ids]);
    expect(
      await count(`select count(*)::int as n from payments.payments where uin = '${uin}'`),
    ).toBe(1);
  });

  it('post one cash payment: one ledger movement, the accrual paid once', async () => {
    const uin = await newFine(70_000);
    const key = randomUUID();
    const body = {
      uin,
      amountMinor: 70_000,
      officeCode: 'mfc-kemerovo-central',
      receiptNumber: `R-${randomUUID()}`,
      paidAt: h.clock.now.toISOString(),
    };
    const responses = await Promise.all(
      Array.from({ length: RETRIES }, () =>
        h.call(cashDesk, 'POST', '/cash-payments', body, { 'idempotency-key': key }),
      ),
    );
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(responses.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    expect(
      await count(`select count(*)::int as n from payments.payments where uin = '${uin}'`),
    ).toBe(1);
    expect(
      await count(
        `select count(*)::int as n from payments.ledger_entries e join payments.payments p on p.id = e.payment_id where p.uin = '${uin}'`,
      ),
    ).toBe(2);
    const accrual = (await (await h.app.request(`/accruals/${uin}`)).json()) as {
      paidMinor: number;
    };
    expect(accrual.paidMinor).toBe(70_000);
    expect((await checkLedger(h.handle.db)).ok).toBe(true);
  });

  it('post a receipt sent again without the key as the payment already made', async () => {
    const uin = await newFine(30_000);
    const body = {
      uin,
      amountMinor: 10_000,
      officeCode: 'post-650000',
      receiptNumber: 'R-1',
      paidAt: h.clock.now.toISOString(),
    };
    const first = await h.call(cashDesk, 'POST', '/cash-payments', body);
    expect(first.status).toBe(201);
    const again = await h.call(cashDesk, 'POST', '/cash-payments', body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(
      ((await first.json()) as { id: string }).id,
    );
    const changed = await h.call(cashDesk, 'POST', '/cash-payments', {
      ...body,
      amountMinor: 20_000,
    });
    expect(changed.status).toBe(409);
    const tooMuch = await h.call(cashDesk, 'POST', '/cash-payments', {
      ...body,
      receiptNumber: 'R-2',
      amountMinor: 20_001,
    });
    expect(tooMuch.status).toBe(422);
    expect(
      (await tooMuch.json()) as { errors: { pointer: string; message: string }[] },
    ).toMatchObject({
      errors: [{ pointer: '/amountMinor', message: 'exceeds the 20000 kopecks outstanding' }],
    });
    expect((await h.call(citizen, 'POST', '/cash-payments', body)).status).toBe(403);
  });
});
