import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { startTestNode, type TestNode } from './test-node';

// One window for the fee: the application's service carries a fee, submitting it creates the
// accrual, the applicant pays through the bank simulator, and the application learns it was
// paid from an event, with no receipt brought anywhere.

const applicant: TokenClaims = { sub: 'citizen-elena', roles: ['citizen'] };
const registrar: TokenClaims = {
  sub: 'zags-officer-1',
  roles: ['back-office-officer'],
  agency: 'civil-registry',
  office: 'zags-kemerovo',
};

let node: TestNode;

beforeAll(async () => {
  node = await startTestNode({ bank: true, events: true });
});
afterAll(() => node.close());

const call = (who: TokenClaims, method: string, path: string, body?: unknown) =>
  node.call(who, method, path, body);

/** Asks until the answer satisfies, as a portal would poll; events arrive within a second. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}

describe(`paying an application's fee on ${testDatabaseKind}`, () => {
  it('creates the accrual on submission, and marks the fee paid once the bank says so', async () => {
    const draft = await call(applicant, 'POST', '/api/applications/applications', {
      serviceCode: 'marriage-registration',
      collectOfficeCode: 'mfc-kemerovo-lenin',
      formData: {
        fullName: 'Елена Смирнова',
        spouseName: 'Олег Кузнецов',
        ceremonyDate: '2026-12-12',
      },
    });
    expect(draft.status).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    const submitted = await call(applicant, 'POST', `/api/applications/applications/${id}/steps`, {
      step: 'submit',
    });
    expect(submitted.status).toBe(200);

    type Accruals = { items: { uin: string; amountMinor: number; status: string }[] };
    const owed = await eventually(
      async () =>
        (await (await call(applicant, 'GET', '/api/payments/accruals')).json()) as Accruals,
      (a) => a.items.length > 0,
    );
    expect(owed.items).toEqual([
      expect.objectContaining({ amountMinor: 35_000, status: 'unpaid' }),
    ]);
    const uin = owed.items[0]!.uin;

    const started = await call(applicant, 'POST', `/api/payments/accruals/${uin}/payments`, {
      provider: 'okno.bank-simulator',
      returnUrl: 'http://127.0.0.1/applications',
    });
    expect(started.status).toBe(201);
    const payment = (await started.json()) as { id: string; redirectUrl: string };
    const checkout = new URL(payment.redirectUrl).pathname;
    expect((await node.app.request(checkout)).status).toBe(200);
    const paid = await node.app.request(checkout, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'paid' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(paid.status).toBe(303);

    type View = { fee: { dueMinor: number; paidMinor: number; paidAt: string | null } };
    const application = await eventually(
      async () =>
        (await (
          await call(applicant, 'GET', `/api/applications/applications/${id}`)
        ).json()) as View,
      (v) => v.fee.paidAt !== null,
    );
    expect(application.fee).toMatchObject({ dueMinor: 35_000, paidMinor: 35_000 });

    // The applicant has the receipt; the deciding agency's officer sees what was paid.
    const receipts = (await (await call(applicant, 'GET', '/api/payments/payments')).json()) as {
      items: { id: string; status: string; paidAt: string | null; reference: string }[];
    };
    expect(receipts.items).toEqual([
      expect.objectContaining({ id: payment.id, status: 'paid', reference: `sim-${payment.id}` }),
    ]);
    const fees = await call(registrar, 'GET', `/api/payments/applications/${id}/accruals`);
    expect(((await fees.json()) as Accruals).items).toEqual([
      expect.objectContaining({ uin, status: 'paid' }),
    ]);
    const seen = await call(registrar, 'GET', `/api/payments/accruals/${uin}/payments`);
    expect(
      ((await seen.json()) as { items: { status: string; amountMinor: number }[] }).items,
    ).toEqual([expect.objectContaining({ status: 'paid', amountMinor: 35_000 })]);
  });
});
