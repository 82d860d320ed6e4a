import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accruals, paymentsOutbox } from '@okno/db/payments';
import { testDatabaseKind } from '@okno/testing';
import { checkLedger } from '../src/store/ledger-check';
import {
  auditor,
  cashDesk,
  citizen,
  officer,
  paymentsHarness,
  supervisor,
  type PaymentsHarness,
} from './payments-harness';

let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness();
});
afterAll(() => h.close());

/** An application's fee, paid in cash at a counter. */
async function paidFee(amountMinor: number) {
  const applicationId = randomUUID();
  await h.deliver({
    id: randomUUID(),
    type: 'applications.application.submitted',
    occurredAt: new Date(),
    headers: {},
    payload: {
      applicationId,
      number: 'KEM-2026-0000100',
      agencyCode: 'traffic-police',
      fees: [
        { budgetCode: '18210807010018000110', amountMinor, title: { ru: 'Пошлина', en: 'Duty' } },
      ],
      payer: { subject: citizen.sub, company: null, documentIndex: null },
    },
  });
  const [accrual] = await h.handle.db
    .select({ uin: accruals.uin })
    .from(accruals)
    .where(eq(accruals.applicationId, applicationId));
  const res = await h.call(cashDesk, 'POST', '/cash-payments', {
    uin: accrual!.uin,
    amountMinor,
    officeCode: 'mfc-1',
    receiptNumber: randomUUID(),
    paidAt: h.clock.now.toISOString(),
  });
  return { applicationId, uin: accrual!.uin, payment: (await res.json()) as { id: string } };
}

const refund = (id: string, amountMinor: number, claims = supervisor) =>
  h.call(claims, 'POST', `/payments/${id}/refunds`, {
    amountMinor,
    reason: 'Отказ в услуге до её оказания',
  });

describe(`refunds on ${testDatabaseKind}`, () => {
  it('returns part, then the rest; the accrual, the ledger and the application follow', async () => {
    const { applicationId, uin, payment } = await paidFee(100_000);
    const part = await refund(payment.id, 30_000);
    expect(part.status).toBe(201);
    expect(await part.json()).toMatchObject({ status: 'paid', refundedMinor: 30_000 });
    expect(await (await h.app.request(`/accruals/${uin}`)).json()).toMatchObject({
      paidMinor: 70_000,
      status: 'partly-paid',
    });

    const rest = await refund(payment.id, 70_000);
    expect(await rest.json()).toMatchObject({ status: 'refunded', refundedMinor: 100_000 });
    expect(await (await h.app.request(`/accruals/${uin}`)).json()).toMatchObject({
      paidMinor: 0,
      status: 'unpaid',
    });
    expect((await checkLedger(h.handle.db)).ok).toBe(true);

    const events = await h.handle.db.select().from(paymentsOutbox);
    const refunded = events.filter((e) => e.type === 'payments.fee.refunded').map((e) => e.payload);
    expect(refunded).toEqual([
      { applicationId, amountMinor: 30_000, paymentId: payment.id },
      { applicationId, amountMinor: 70_000, paymentId: payment.id },
    ]);
    const audited = await h.count(
      `select count(*)::int as n from identity.audit_events where kind = 'payment-refunded' and target = '${uin}'`,
    );
    expect(audited).toBe(2);
  });

  it('refuses more than is left, a payment not paid, and anyone but a supervisor', async () => {
    const { payment } = await paidFee(50_000);
    const tooMuch = await refund(payment.id, 50_001);
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.json()).toMatchObject({
      errors: [{ pointer: '/amountMinor', message: 'exceeds the 50000 kopecks not yet refunded' }],
    });
    expect((await refund(payment.id, 50_000)).status).toBe(201);
    expect((await refund(payment.id, 1)).status).toBe(409); // wholly refunded already
    expect((await refund(randomUUID(), 1)).status).toBe(404);
    expect((await refund(payment.id, 1, citizen)).status).toBe(403);
    expect((await refund(payment.id, 1, auditor)).status).toBe(403);
    const bad = await h.call(supervisor, 'POST', `/payments/${payment.id}/refunds`, {
      amountMinor: 0,
      reason: '',
    });
    expect(bad.status).toBe(422);
    expect(
      ((await bad.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer).sort(),
    ).toEqual(['/amountMinor', '/reason']);
  });

  it("leaves another agency's money to that agency: its supervisors refund, others may not", async () => {
    const { payment } = await paidFee(40_000);
    const elsewhere = {
      sub: 'supervisor-social',
      roles: ['supervisor'],
      agency: 'social-protection',
    };
    const refused = await refund(payment.id, 1_000, elsewhere);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/traffic-police/);
    const admin = { sub: 'admin-1', roles: ['regional-admin'] };
    expect((await refund(payment.id, 1_000, admin)).status).toBe(201);
    // Nor do another agency's officers see its payments; the payer and any counter do.
    const officerElsewhere = {
      sub: 'officer-social',
      roles: ['back-office-officer'],
      agency: 'social-protection',
    };
    expect((await h.call(officerElsewhere, 'GET', `/payments/${payment.id}`)).status).toBe(404);
    const counter = {
      sub: 'mfc-1',
      roles: ['mfc-officer'],
      agency: 'mfc',
      office: 'mfc-kemerovo-central',
    };
    expect((await h.call(counter, 'GET', `/payments/${payment.id}`)).status).toBe(200);
    expect((await h.call(officer, 'GET', `/payments/${payment.id}`)).status).toBe(200);
  });

  it('makes one refund of many concurrent retries with one key', async () => {
    const { payment } = await paidFee(40_000);
    const key = { 'idempotency-key': randomUUID() };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.call(
          supervisor,
          'POST',
          `/payments/${payment.id}/refunds`,
          { amountMinor: 10_000, reason: 'Возврат части' },
          key,
        ),
      ),
    );
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(
      await h.count(
        `select count(*)::int as n from payments.refunds where payment_id = '${payment.id}'`,
      ),
    ).toBe(1);
  });
});
