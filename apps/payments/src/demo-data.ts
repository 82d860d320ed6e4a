import type { Database } from '@okno/db';
import { accruals } from '@okno/db/payments';

// Demo UINs are placeholders until the payments issue brings the real format and check digit.
const demoAccruals: (typeof accruals.$inferInsert)[] = [
  {
    id: '019a0000-0000-7000-8000-000000000201',
    uin: '18810142260000012345',
    amountMinor: 50_000,
    currency: 'RUB',
    budgetCode: '18811601123010001140',
    purpose: 'Штраф за превышение скорости',
    status: 'created',
    dueDate: '2026-12-31',
  },
  {
    id: '019a0000-0000-7000-8000-000000000202',
    uin: '3210000000000000000000017',
    amountMinor: 35_000,
    currency: 'RUB',
    budgetCode: '32110807010011000110',
    purpose: 'Госпошлина за регистрацию права собственности',
    status: 'created',
    dueDate: null,
  },
];

export async function seedPaymentsDemo(db: Database): Promise<void> {
  await db.insert(accruals).values(demoAccruals).onConflictDoNothing();
}
