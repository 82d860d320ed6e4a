import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@okno/db';

export interface LedgerCheck {
  /** True when every check below found nothing. */
  ok: boolean;
  /** The sum of every entry, per currency: zero in a sound ledger. */
  totals: { currency: string; sumMinor: number }[];
  /** Movements whose entries do not sum to zero. */
  unbalancedJournals: string[];
  /** Payments whose credit to the budget is not what their state says reached it. */
  paymentsDisagreeing: {
    paymentId: string;
    status: string;
    expectedMinor: number;
    ledgerMinor: number;
  }[];
  /** Accruals whose paid amount is not what their payments brought. */
  accrualsDisagreeing: { uin: string; paidMinor: number; fromPaymentsMinor: number }[];
}

/**
 * Proves the ledger sound from its entries alone: all accounts sum to zero, each movement
 * balances, and it agrees with the payments' states (a paid payment credited the budget its
 * amount less refunds; any other, nothing) and with the accruals' paid amounts.
 */
export async function checkLedger(db: Executor): Promise<LedgerCheck> {
  const totals = await queryRows<{ currency: string; sum_minor: string }>(
    db,
    sql`select currency, coalesce(sum(amount_minor), 0) as sum_minor
        from payments.ledger_entries group by currency order by currency`,
  );
  const unbalanced = await queryRows<{ journal_id: string }>(
    db,
    sql`select journal_id from payments.ledger_entries
        group by journal_id having sum(amount_minor) <> 0 or count(*) < 2`,
  );
  const payments = await queryRows<{
    id: string;
    status: string;
    expected_minor: string;
    ledger_minor: string;
  }>(
    db,
    sql`with credited as (
          select payment_id, -sum(amount_minor) as ledger_minor from payments.ledger_entries
          where account like 'budget:%' group by payment_id
        )
        select p.id, p.status,
          case when p.status in ('paid', 'refunded') then p.amount_minor - p.refunded_minor else 0 end
            as expected_minor,
          coalesce(c.ledger_minor, 0) as ledger_minor
        from payments.payments p left join credited c on c.payment_id = p.id
        where coalesce(c.ledger_minor, 0) <>
          case when p.status in ('paid', 'refunded') then p.amount_minor - p.refunded_minor else 0 end`,
  );
  const accruals = await queryRows<{ uin: string; paid_minor: string; from_payments: string }>(
    db,
    sql`with brought as (
          select accrual_id, sum(amount_minor - refunded_minor) as from_payments
          from payments.payments where status in ('paid', 'refunded') group by accrual_id
        )
        select a.uin, a.paid_minor, coalesce(b.from_payments, 0) as from_payments
        from payments.accruals a left join brought b on b.accrual_id = a.id
        where a.paid_minor <> coalesce(b.from_payments, 0)`,
  );
  const check: Omit<LedgerCheck, 'ok'> = {
    totals: totals.map((t) => ({ currency: t.currency, sumMinor: Number(t.sum_minor) })),
    unbalancedJournals: unbalanced.map((u) => u.journal_id),
    paymentsDisagreeing: payments.map((p) => ({
      paymentId: p.id,
      status: p.status,
      expectedMinor: Number(p.expected_minor),
      ledgerMinor: Number(p.ledger_minor),
    })),
    accrualsDisagreeing: accruals.map((a) => ({
      uin: a.uin,
      paidMinor: Number(a.paid_minor),
      fromPaymentsMinor: Number(a.from_payments),
    })),
  };
  const ok =
    check.totals.every((t) => t.sumMinor === 0) &&
    check.unbalancedJournals.length === 0 &&
    check.paymentsDisagreeing.length === 0 &&
    check.accrualsDisagreeing.length === 0;
  return { ok, ...check };
}
