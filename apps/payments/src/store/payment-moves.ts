import type { Executor } from '@okno/db';
import { paymentsOutbox, refunds } from '@okno/db/payments';
import { enqueueEvent } from '@okno/events';
import { paymentPostings, refundPostings } from '../model/ledger-postings';
import { outcomeEffect, type Outcome, type OutcomeEffect } from '../model/payment-status';
import { addPaid, lockAccrual } from './accrual-store';
import { recordJournal } from './ledger-store';
import { updatePayment, type PaymentRow } from './payment-store';

/**
 * Moves a locked payment forward to an outcome, or leaves it as it is when the outcome is
 * stale (see payment-status.ts). Paid: the ledger gets its movement, the accrual its money,
 * and the application's fee is marked paid through `payments.fee.paid`; all in the caller's
 * transaction, so a crash leaves either all of it or none.
 */
export async function moveTo(
  tx: Executor,
  payment: PaymentRow,
  outcome: Outcome,
  at: Date,
): Promise<{ effect: OutcomeEffect; payment: PaymentRow }> {
  const effect = outcomeEffect(payment.status, outcome);
  if (!effect.move) return { effect, payment };
  const updated = await updatePayment(tx, payment.id, {
    status: effect.to,
    statusAt: at,
    ...(effect.to === 'paid' && { paidAt: at }),
  });
  if (effect.to === 'paid') {
    const accrual = await lockAccrual(tx, payment.accrualId);
    await recordJournal(tx, {
      kind: 'payment',
      paymentId: payment.id,
      currency: payment.currency,
      postings: paymentPostings({
        provider: payment.provider,
        budgetCode: accrual.budgetCode,
        amountMinor: payment.amountMinor,
      }),
      at,
    });
    await addPaid(tx, accrual.id, payment.amountMinor);
    if (accrual.applicationId) {
      await enqueueEvent(tx, paymentsOutbox, {
        type: 'payments.fee.paid',
        payload: {
          applicationId: accrual.applicationId,
          amountMinor: payment.amountMinor,
          paymentId: payment.id,
        },
      });
    }
  }
  await enqueueEvent(tx, paymentsOutbox, {
    type: `payments.payment.${effect.to}`,
    payload: { paymentId: payment.id, uin: payment.uin, amountMinor: payment.amountMinor },
  });
  return { effect, payment: updated };
}

/**
 * Returns part or all of a locked, paid payment's money. The caller has had the provider
 * accept the refund (`reference`); the amount must not exceed what is left.
 */
export async function recordRefund(
  tx: Executor,
  payment: PaymentRow,
  refund: { id: string; amountMinor: number; reason: string; reference: string; by: string },
  at: Date,
): Promise<PaymentRow> {
  const left = payment.amountMinor - payment.refundedMinor;
  if (payment.status !== 'paid' || refund.amountMinor > left || refund.amountMinor <= 0) {
    throw new Error(`refund of ${refund.amountMinor} does not fit payment ${payment.id}`);
  }
  const accrual = await lockAccrual(tx, payment.accrualId);
  await tx.insert(refunds).values({
    id: refund.id,
    paymentId: payment.id,
    amountMinor: refund.amountMinor,
    reason: refund.reason,
    reference: refund.reference,
    requestedBy: refund.by,
    createdAt: at,
  });
  await recordJournal(tx, {
    kind: 'refund',
    paymentId: payment.id,
    currency: payment.currency,
    postings: refundPostings({
      provider: payment.provider,
      budgetCode: accrual.budgetCode,
      amountMinor: refund.amountMinor,
    }),
    at,
  });
  await addPaid(tx, accrual.id, -refund.amountMinor);
  const refundedMinor = payment.refundedMinor + refund.amountMinor;
  const updated = await updatePayment(tx, payment.id, {
    refundedMinor,
    ...(refundedMinor === payment.amountMinor && { status: 'refunded', statusAt: at }),
  });
  const payload = {
    paymentId: payment.id,
    refundId: refund.id,
    amountMinor: refund.amountMinor,
    ...(accrual.applicationId && { applicationId: accrual.applicationId }),
  };
  await enqueueEvent(tx, paymentsOutbox, { type: 'payments.payment.refunded', payload });
  if (accrual.applicationId) {
    await enqueueEvent(tx, paymentsOutbox, {
      type: 'payments.fee.refunded',
      payload: {
        applicationId: accrual.applicationId,
        amountMinor: refund.amountMinor,
        paymentId: payment.id,
      },
    });
  }
  return updated;
}
