import { and, inArray, lt } from 'drizzle-orm';
import type { Database } from '@okno/db';
import { payments } from '@okno/db/payments';
import type { PaymentsContext } from '../payments-context';
import { moveTo } from '../store/payment-moves';
import { lockPayment } from '../store/payment-store';

/**
 * Expires payments left at a provider longer than the payer's session there. A provider's
 * later "paid" still wins (money is real); a later "failed" changes nothing. Safe on several
 * replicas: each payment is re-read under its lock and moved only forward.
 */
export async function expirePayments(ctx: PaymentsContext, db: Database): Promise<number> {
  const now = ctx.now();
  const stale = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        inArray(payments.status, ['created', 'pending']),
        lt(payments.createdAt, new Date(now.getTime() - ctx.pendingMs)),
      ),
    )
    .limit(500);
  let expired = 0;
  for (const { id } of stale) {
    await db.transaction(async (tx) => {
      const payment = await lockPayment(tx, id);
      if (!payment) return;
      const moved = await moveTo(tx, payment, 'expired', now);
      if (moved.effect.move) expired += 1;
    });
  }
  return expired;
}
