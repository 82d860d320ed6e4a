import { z } from '@hono/zod-openapi';
import { createRouter, defineRoute } from '@okno/http';
import { ledgerReaders } from '../model/access';
import { checkLedger } from '../store/ledger-check';
import { balances } from '../store/ledger-store';

const Balances = z
  .object({
    accounts: z.array(
      z.object({
        account: z.string(),
        currency: z.string(),
        balanceMinor: z.int(),
        entries: z.int(),
      }),
    ),
  })
  .openapi('LedgerBalances');

const Check = z
  .object({
    ok: z.boolean(),
    totals: z.array(z.object({ currency: z.string(), sumMinor: z.int() })),
    unbalancedJournals: z.array(z.string()),
    paymentsDisagreeing: z.array(
      z.object({
        paymentId: z.string(),
        status: z.string(),
        expectedMinor: z.int(),
        ledgerMinor: z.int(),
      }),
    ),
    accrualsDisagreeing: z.array(
      z.object({ uin: z.string(), paidMinor: z.int(), fromPaymentsMinor: z.int() }),
    ),
  })
  .openapi('LedgerCheck');

export function ledgerRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/ledger/balances',
        access: { roles: ledgerReaders },
        tags: ['ledger'],
        summary: "Every account's balance, summed from its entries",
        responses: {
          200: { description: 'Balances.', content: { 'application/json': { schema: Balances } } },
        },
      }),
      async (c) => c.json({ accounts: await balances(c.var.db) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/ledger/check',
        access: { roles: ledgerReaders },
        tags: ['ledger'],
        summary: 'Prove the ledger sound: it sums to zero and agrees with payments and accruals',
        responses: {
          200: {
            description: 'What the check found; `ok` when nothing.',
            content: { 'application/json': { schema: Check } },
          },
        },
      }),
      async (c) => c.json(await checkLedger(c.var.db), 200),
    );
}
