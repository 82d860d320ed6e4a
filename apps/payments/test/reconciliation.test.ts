import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
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

const DAY = '2026-11-22';
const at = (time: string) => `${DAY}T${time}Z`;

async function paidInCash(amountMinor: number, paidAt: string) {
  const res = await h.call(officer, 'POST', '/accruals', {
    amountMinor,
    budgetCode: '18811601123010001140',
    purpose: 'Штраф',
    payer: { subject: citizen.sub },
  });
  const { uin } = (await res.json()) as { uin: string };
  const paid = await h.call(cashDesk, 'POST', '/cash-payments', {
    uin,
    amountMinor,
    officeCode: 'mfc-1',
    receiptNumber: randomUUID(),
    paidAt,
  });
  expect(paid.status).toBe(201);
  return { uin, paymentId: ((await paid.json()) as { id: string }).id };
}

interface Statement {
  id: string;
  lineCount: number;
  matchedCount: number;
  discrepancies: {
    id: string;
    kind: string;
    uin: string;
    paymentId: string | null;
    lineNo: number | null;
    nodeMinor: number | null;
    statementMinor: number | null;
  }[];
}

describe(`reconciling a daily statement on ${testDatabaseKind}`, () => {
  it('matches by UIN and amount and reports each kind of mismatch, for an officer to resolve', async () => {
    const matched = await paidInCash(80_000, at('08:10:00'));
    const differs = await paidInCash(50_000, at('09:00:00'));
    const missing = await paidInCash(30_000, at('10:00:00'));
    await paidInCash(99_000, '2026-11-21T23:00:00Z'); // the day before: not this statement's
    const csv = [
      'line_id,uin,amount_minor,currency,paid_at,payer_bank',
      `T-1,${matched.uin},80000,RUB,${at('08:10:05')},Сбербанк`,
      `T-2,${differs.uin},45000,RUB,${at('09:00:05')},ВТБ`,
      `T-3,${'1'.repeat(20)},12000,RUB,${at('11:00:00')},ВТБ`,
      `T-4,${matched.uin},80000,RUB,${at('12:00:00')},Сбербанк`,
      `T-1,${matched.uin},80000,RUB,${at('08:10:05')},Сбербанк`,
    ].join('\n');
    const res = await h.call(
      supervisor,
      'POST',
      `/statements?source=okno.cash&date=${DAY}`,
      undefined,
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status).toBe(422); // an empty body is no statement
    const imported = await post(csv);
    expect(imported.status).toBe(201);
    const statement = (await imported.json()) as Statement;
    expect(statement).toMatchObject({ lineCount: 5, matchedCount: 1 });
    const byKind = groupByKind(statement.discrepancies);
    expect(byKind['amount-differs']).toEqual([
      expect.objectContaining({
        uin: differs.uin,
        paymentId: differs.paymentId,
        lineNo: 2,
        nodeMinor: 50_000,
        statementMinor: 45_000,
      }),
    ]);
    expect(byKind['unknown']).toEqual([
      expect.objectContaining({ uin: '1'.repeat(20), lineNo: 3, statementMinor: 12_000 }),
    ]);
    expect(byKind['duplicate']?.map((d) => d.lineNo).sort()).toEqual([4, 5]);
    expect(byKind['missing']).toEqual([
      expect.objectContaining({
        uin: missing.uin,
        paymentId: missing.paymentId,
        nodeMinor: 30_000,
        lineNo: null,
      }),
    ]);
    expect(statement.discrepancies).toHaveLength(5);

    // The same file again is the same import; another file for the day is refused.
    const again = await post(csv);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Statement).id).toBe(statement.id);
    expect((await post(csv.replace('45000', '50000'))).status).toBe(409);

    // An officer resolves one, with a reason, once; it leaves the open list and enters the audit trail.
    const target = byKind['amount-differs']![0]!;
    const resolution = {
      decision: 'bank-to-correct',
      note: 'The bank keyed 450 instead of 500; asked to correct.',
    };
    const done = await h.call(
      supervisor,
      'POST',
      `/discrepancies/${target.id}/resolution`,
      resolution,
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      decision: 'bank-to-correct',
      resolvedBy: supervisor.sub,
    });
    expect(
      (await h.call(supervisor, 'POST', `/discrepancies/${target.id}/resolution`, resolution))
        .status,
    ).toBe(409);
    const open = (await (await h.call(auditor, 'GET', '/discrepancies')).json()) as {
      items: { id: string }[];
    };
    expect(open.items.map((d) => d.id)).not.toContain(target.id);
    expect(open.items).toHaveLength(4);
    const audited = await h.count(
      `select count(*)::int as n from identity.audit_events where kind = 'discrepancy-resolved' and details->>'discrepancyId' = '${target.id}' and actor_subject = '${supervisor.sub}'`,
    );
    expect(audited).toBe(1);
    expect(
      (
        await h.call(
          officer,
          'POST',
          `/discrepancies/${byKind['unknown']![0]!.id}/resolution`,
          resolution,
        )
      ).status,
    ).toBe(403);
  });

  it('refuses a bad file with every bad cell named by line, and imports nothing', async () => {
    const csv = [
      'line_id,uin,amount_minor,currency,paid_at',
      `T-1,123,10.5,USD,yesterday`,
      `,${'2'.repeat(25)},100,RUB,${at('10:00:00')}`,
    ].join('\n');
    const res = await post(csv, '2026-11-20');
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer)).toEqual([
      '/lines/1/uin',
      '/lines/1/amount_minor',
      '/lines/1/currency',
      '/lines/1/paid_at',
      '/lines/2/line_id',
    ]);
    const header = await post('line_id,uin\nT-1,0', '2026-11-20');
    expect(((await header.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'missing columns: amount_minor, currency, paid_at',
    );
    expect((await post('line_id,uin,amount_minor,currency,paid_at\n', '2026-11-20')).status).toBe(
      422,
    );
    expect(
      await h.count(
        `select count(*)::int as n from payments.statements where statement_date = '2026-11-20'`,
      ),
    ).toBe(0);
  });

  it('takes statements from the bank with client credentials, not from citizens', async () => {
    const csv = `line_id,uin,amount_minor,currency,paid_at\nT-9,${'3'.repeat(20)},100,RUB,2026-11-19T10:00:00Z`;
    const bank = { sub: 'service-account-partner-bank', roles: ['partner-bank'] };
    expect((await post(csv, '2026-11-19', bank)).status).toBe(201);
    expect((await post(csv, '2026-11-18', citizen)).status).toBe(403);
    expect((await post(csv, '2026-11-18', supervisor, 'no-such-bank')).status).toBe(422);
  });
});

function post(
  csv: string,
  date = DAY,
  claims: { sub: string; roles?: string[] } = supervisor,
  source = 'okno.cash',
) {
  return h.call(
    claims,
    'POST',
    `/statements?source=${source}&date=${date}`,
    undefined,
    { 'content-type': 'text/csv' },
    csv,
  );
}

/** Object.groupBy, which Node.js 20 lacks. */
function groupByKind<T extends { kind: string }>(items: T[]): Partial<Record<string, T[]>> {
  const groups: Partial<Record<string, T[]>> = {};
  for (const item of items) (groups[item.kind] ??= []).push(item);
  return groups;
}
