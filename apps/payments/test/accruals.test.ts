import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { demoAccruals, seedPaymentsDemo } from '../src/demo-data';
import { isValidUin } from '../src/uin/check-digit';
import { issuerOf } from '../src/uin/uin-layout';
import {
  citizen,
  officer,
  otherCitizen,
  paymentsHarness,
  type PaymentsHarness,
} from './payments-harness';

let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness();
  await seedPaymentsDemo(h.handle.db);
});
afterAll(() => h.close());

const submitted = (applicationId: string, payer: Record<string, unknown>) => ({
  id: randomUUID(),
  type: 'applications.application.submitted',
  occurredAt: new Date(),
  headers: {},
  payload: {
    applicationId,
    number: 'KEM-2026-0000042',
    agencyCode: 'traffic-police',
    serviceCode: 'vehicle-registration',
    fees: [
      {
        budgetCode: '18810807141011000110',
        amountMinor: 200_000,
        title: { ru: 'Госпошлина за регистрацию', en: 'Registration duty' },
      },
      {
        budgetCode: '18810807142011000110',
        amountMinor: 50_000,
        title: { ru: 'Госпошлина за номера', en: 'Plates duty' },
      },
    ],
    payer,
  },
});

describe(`accruals on ${testDatabaseKind}`, () => {
  it("makes one accrual per fee of a submitted application, with the node's valid UINs", async () => {
    const applicationId = randomUUID();
    const event = submitted(applicationId, {
      subject: citizen.sub,
      company: null,
      documentIndex: null,
    });
    await h.deliver(event);
    await h.deliver(event); // redelivered: nothing more
    await h.deliver({ ...event, id: randomUUID() }); // the same submission under another event id
    const mine = (await (await h.call(citizen, 'GET', '/accruals')).json()) as {
      items: { uin: string; amountMinor: number; status: string; purpose: string }[];
    };
    expect(mine.items.map((a) => a.amountMinor).sort((a, b) => a - b)).toEqual([50_000, 200_000]);
    for (const accrual of mine.items) {
      expect(accrual.uin).toHaveLength(25);
      expect(isValidUin(accrual.uin)).toBe(true);
      expect(issuerOf(h.ctx.layout, accrual.uin)).toBe('0001');
      expect(accrual.status).toBe('unpaid');
      expect(accrual.purpose).toContain('KEM-2026-0000042');
    }
    expect(new Set(mine.items.map((a) => a.uin)).size).toBe(2);
    const theirs = (await (await h.call(otherCitizen, 'GET', '/accruals')).json()) as {
      items: unknown[];
    };
    expect(theirs.items).toEqual([]);
  });

  it('makes nothing for an application without fees', async () => {
    const event = submitted(randomUUID(), {
      subject: 'citizen-free',
      company: null,
      documentIndex: null,
    });
    await h.deliver({ ...event, payload: { ...event.payload, fees: [] } });
    const none = (await (
      await h.call({ sub: 'citizen-free', roles: ['citizen'] }, 'GET', '/accruals')
    ).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
  });

  it('looks an accrual up by UIN for anyone, with nothing about the payer', async () => {
    const demo = demoAccruals[0]!;
    const res = await h.app.request(`/accruals/${demo.uin}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      amountMinor: 50_000,
      paidMinor: 0,
      currency: 'RUB',
      status: 'unpaid',
    });
    expect(Object.keys(body).sort()).toEqual(
      [
        'amountMinor',
        'budgetCode',
        'currency',
        'dueDate',
        'paidMinor',
        'purpose',
        'status',
        'uin',
      ].sort(),
    );
    expect((await h.app.request(`/accruals/${'9'.repeat(20)}`)).status).toBe(404);
    const bad = await h.app.request('/accruals/12345');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ location: 'path', pointer: '/uin' }] });
  });

  it('lets an officer charge a fine that the payer finds by their driving licence', async () => {
    const fine = {
      amountMinor: 150_000,
      budgetCode: '18811601123010001140',
      purpose: 'Штраф по постановлению 18810042260000001',
      dueDate: '2027-01-31',
      payer: { document: { kind: 'driving-licence', number: '42 17 123456' } },
    };
    const key = { 'idempotency-key': randomUUID() };
    const created = await h.call(officer, 'POST', '/accruals', fine, key);
    expect(created.status).toBe(201);
    const accrual = (await created.json()) as { uin: string };
    expect(isValidUin(accrual.uin)).toBe(true);
    const again = await h.call(officer, 'POST', '/accruals', fine, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { uin: string }).uin).toBe(accrual.uin);

    // Spaces and case do not matter; another number finds nothing.
    const found = await h.call(null, 'POST', '/accruals/search', {
      document: { kind: 'driving-licence', number: '4217123456' },
    });
    expect(((await found.json()) as { items: { uin: string }[] }).items.map((a) => a.uin)).toEqual([
      accrual.uin,
    ]);
    const other = await h.call(null, 'POST', '/accruals/search', {
      document: { kind: 'driving-licence', number: '4217123457' },
    });
    expect(((await other.json()) as { items: unknown[] }).items).toEqual([]);

    // The number itself is nowhere in the accruals table.
    const rows = await h.handle.db.execute(
      `select * from payments.accruals where uin = '${accrual.uin}'`,
    );
    expect(JSON.stringify(rows)).not.toMatch(/123456/);
  });

  it('refuses a bad fine with every bad field named, and citizens may not charge', async () => {
    const res = await h.call(officer, 'POST', '/accruals', {
      amountMinor: -1,
      budgetCode: '123',
      purpose: 'x',
      payer: {},
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual([
      '/amountMinor',
      '/budgetCode',
      '/payer',
      '/purpose',
    ]);
    expect((await h.call(citizen, 'POST', '/accruals', {})).status).toBe(403);
  });
});
