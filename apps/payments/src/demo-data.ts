import type { Database } from '@okno/db';
import { accruals, uinIssuers } from '@okno/db/payments';
import { makeUin } from './uin/uin-layout';

/** A development node's UIN prefix (OKNO_UIN_PREFIX unset): no real participant's code. */
const DEMO_LAYOUT = { prefix: '00000000' };

/** Issuers of the demo region: the node, an agency's own system, a counter, a mobile office. */
const demoIssuers: (typeof uinIssuers.$inferInsert)[] = [
  { code: '0001', title: 'The node itself' },
  { code: '0002', title: 'Traffic police of the region (its own system)' },
  { code: '0101', title: 'MFC Kemerovo, counters', officeCode: 'mfc-kemerovo-central' },
  { code: '0201', title: 'Mobile office', officeCode: 'mobile-office-1' },
];

/** Accruals made by the agency's own system (issuer 0002), to find and pay by UIN. */
export const demoAccruals: (typeof accruals.$inferInsert)[] = [
  {
    id: '019a0000-0000-7000-8000-000000000201',
    uin: makeUin(DEMO_LAYOUT, '0002', 1),
    amountMinor: 50_000,
    currency: 'RUB',
    budgetCode: '18811601123010001140',
    purpose: 'Штраф за превышение скорости',
    dueDate: '2026-12-31',
    issuer: '0002',
    createdBy: 'demo',
  },
  {
    id: '019a0000-0000-7000-8000-000000000202',
    uin: makeUin(DEMO_LAYOUT, '0002', 2),
    amountMinor: 35_000,
    currency: 'RUB',
    budgetCode: '32110807010011000110',
    purpose: 'Госпошлина за регистрацию права собственности',
    dueDate: null,
    issuer: '0002',
    createdBy: 'demo',
  },
];

export async function seedPaymentsDemo(db: Database): Promise<void> {
  await db.insert(uinIssuers).values(demoIssuers).onConflictDoNothing();
  await db.insert(accruals).values(demoAccruals).onConflictDoNothing();
}
