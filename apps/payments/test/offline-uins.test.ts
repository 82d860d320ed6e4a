import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { seedPaymentsDemo } from '../src/demo-data';
import { isValidUin } from '../src/uin/check-digit';
import { makeUin } from '../src/uin/uin-layout';
import { officer, paymentsHarness, type PaymentsHarness } from './payments-harness';

let h: PaymentsHarness;
beforeAll(async () => {
  h = await paymentsHarness();
  await seedPaymentsDemo(h.handle.db);
});
afterAll(() => h.close());

const admin = { sub: 'admin-1', roles: ['regional-admin'] };
const synchroniser = { sub: 'service-account-partner-mobile-sync', roles: ['partner-mobile-sync'] };
const mobileOfficer = {
  sub: 'mobile-1',
  roles: ['mobile-officer'],
  agency: 'mfc',
  office: 'mobile-office-1',
};
const layout = { prefix: '10042200' };

const duty = (uin?: string) => ({
  amountMinor: 30_000,
  budgetCode: '18210807010018000110',
  purpose: 'Госпошлина, принята выездным офисом',
  payer: { document: { kind: 'passport-rf', number: '3210 555666' } },
  ...(uin && { uin }),
});

describe(`UINs made by offices on their own on ${testDatabaseKind}`, () => {
  it('never collide: two mobile offices offline and the node online count the same numbers', async () => {
    const registered = await h.call(admin, 'POST', '/uin-issuers', {
      code: '0202',
      title: 'Mobile office 2',
      officeCode: 'mobile-office-2',
    });
    expect(registered.status).toBe(201);
    expect(
      (
        await h.call(admin, 'POST', '/uin-issuers', {
          code: '0202',
          title: 'Again',
          officeCode: 'x',
        })
      ).status,
    ).toBe(409);
    expect(
      await h.count(
        `select count(*)::int as n from identity.audit_events
         where kind = 'uin-issuer-registered' and target = '0202'`,
      ),
    ).toBe(1);

    // Days without a link: each office makes UINs 1..5 of its own segment.
    const offline = ['0201', '0202'].flatMap((issuer) =>
      Array.from({ length: 5 }, (_, i) => makeUin(layout, issuer, i + 1)),
    );
    // Meanwhile the node makes its own.
    const online: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await h.call(officer, 'POST', '/accruals', duty());
      online.push(((await res.json()) as { uin: string }).uin);
    }
    // Back online, the synchroniser brings what the offices made.
    for (const uin of offline) {
      const res = await h.call(synchroniser, 'POST', '/accruals', duty(uin));
      expect(res.status, uin).toBe(201);
    }
    const all = [...offline, ...online];
    expect(new Set(all).size).toBe(15);
    expect(all.every(isValidUin)).toBe(true);
    expect(
      await h.count(`select count(*)::int as n from payments.accruals where uin like '10042200%'`),
    ).toBe(15);
  });

  it('takes a resent UIN as the one already recorded, and refuses it with other details', async () => {
    const uin = makeUin(layout, '0201', 1);
    const again = await h.call(synchroniser, 'POST', '/accruals', duty(uin));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { uin: string }).uin).toBe(uin);
    const changed = await h.call(synchroniser, 'POST', '/accruals', {
      ...duty(uin),
      amountMinor: 1,
    });
    expect(changed.status).toBe(409);
  });

  it("refuses UINs that are not an office's own to bring, naming why", async () => {
    const refusal = async (claims: typeof synchroniser, uin: string) => {
      const res = await h.call(claims, 'POST', '/accruals', duty(uin));
      expect(res.status).toBe(422);
      return ((await res.json()) as { errors: { pointer: string; message: string }[] }).errors[0]!;
    };
    const bad = makeUin(layout, '0201', 77);
    const wrongDigit = `${bad.slice(0, -1)}${(Number(bad.at(-1)) + 1) % 10}`;
    expect(await refusal(synchroniser, wrongDigit)).toEqual({
      location: 'body',
      pointer: '/uin',
      message: 'is not a UIN: its check digit does not match',
    });
    expect(
      (await refusal(synchroniser, makeUin({ prefix: '99999999' }, '0201', 1))).message,
    ).toMatch(/not a UIN of this region/);
    expect((await refusal(synchroniser, makeUin(layout, '0001', 999))).message).toMatch(
      /not registered to an office/,
    );
    expect((await refusal(synchroniser, makeUin(layout, '0777', 1))).message).toMatch(
      /not registered/,
    );
    expect((await refusal(mobileOfficer, makeUin(layout, '0202', 9))).message).toMatch(
      /belongs to office mobile-office-2, not yours/,
    );
    expect(
      (await h.call(mobileOfficer, 'POST', '/accruals', duty(makeUin(layout, '0201', 9)))).status,
    ).toBe(201);
  });
});
