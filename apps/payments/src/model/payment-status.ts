import type { PaymentStatus } from '@okno/db/payments';

/**
 * How far along a payment is. A change is taken only if it moves the payment forward, so a
 * duplicate or late notice (a "failed" arriving after "paid") changes nothing.
 * - failed and expired are as far as each other: whichever came first stays;
 * - paid is past them: money a provider confirms is real even if the node had given up on
 *   the payment (the payer's session expired, an earlier attempt failed);
 * - refunded (wholly) only follows paid, and only through a refund.
 */
const stage: Record<PaymentStatus, number> = {
  created: 0,
  pending: 1,
  failed: 2,
  expired: 2,
  paid: 3,
  refunded: 4,
};

export type Outcome = 'pending' | 'paid' | 'failed' | 'expired';

export type OutcomeEffect = { move: true; to: PaymentStatus } | { move: false; why: string };

export function outcomeEffect(current: PaymentStatus, outcome: Outcome): OutcomeEffect {
  if (outcome === current) return { move: false, why: `already ${current}` };
  if (stage[outcome] <= stage[current]) {
    return { move: false, why: `stale: the payment is already ${current}` };
  }
  return { move: true, to: outcome };
}

/** Whether money of the payment reached the budget and is (at least partly) still there. */
export const holdsMoney = (status: PaymentStatus): boolean => status === 'paid';

/** An accrual's state as payers see it, from what has reached the budget. */
export function accrualStatus(a: { amountMinor: number; paidMinor: number }) {
  if (a.paidMinor >= a.amountMinor) return 'paid' as const;
  return a.paidMinor > 0 ? ('partly-paid' as const) : ('unpaid' as const);
}
