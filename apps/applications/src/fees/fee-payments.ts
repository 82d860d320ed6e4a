import { z } from 'zod';
import type { Database, Executor } from '@okno/db';
import { applicationsOutbox, applicationsProcessedEvents } from '@okno/db/applications';
import { defineConsumer, enqueueEvent, type EventEnvelope } from '@okno/events';
import type { EventSubscription } from '@okno/http';
import { feePaid } from '../model/fees';
import { lockApplication, recordTransition, updateApplication } from '../store/application-store';
import { nodeActor } from '../store/apply-step';

/** What payments announces when a fee for an application reaches the budget. */
export const FeePaid = z.object({
  applicationId: z.uuid(),
  amountMinor: z.number().int().positive(),
  paymentId: z.string().min(1).max(200),
});

/**
 * Marks fees paid as payments reports them, and unpaid again when money is refunded: the
 * applicant never brings a receipt. Once per event (the consumer records it in the same
 * transaction), so a redelivery adds nothing.
 */
export function feePaymentsSubscription(db: Database): EventSubscription {
  const name = 'applications.fee-payments';
  return {
    name,
    pattern: 'payments.fee.*',
    handle: defineConsumer({
      name,
      db,
      processed: applicationsProcessedEvents,
      handle: (event, tx) =>
        event.type === 'payments.fee.refunded'
          ? recordFeeRefund(tx, event)
          : event.type === 'payments.fee.paid'
            ? recordFeePayment(tx, event)
            : Promise.resolve(),
    }),
  };
}

export async function recordFeePayment(tx: Executor, event: EventEnvelope): Promise<void> {
  const parsed = FeePaid.safeParse(event.payload);
  // Not retried: a payment that names no application of this node is not this node's to keep.
  if (!parsed.success) return;
  const payment = parsed.data;
  const current = await lockApplication(tx, payment.applicationId);
  if (!current) return;
  const paidMinor = current.feePaidMinor + payment.amountMinor;
  const nowPaid = current.feePaidAt === null && feePaid({ ...current, feePaidMinor: paidMinor });
  await updateApplication(tx, current, {
    feePaidMinor: paidMinor,
    ...(nowPaid && { feePaidAt: event.occurredAt }),
  });
  await recordTransition(tx, {
    applicationId: current.id,
    step: 'pay-fee',
    fromStatus: current.status,
    toStatus: current.status,
    actorSubject: 'okno:payments',
    actorRoles: nodeActor.roles,
    channel: null,
    officeCode: null,
    reason: `payment ${payment.paymentId}: ${payment.amountMinor} kopecks`,
  });
  if (nowPaid) {
    await enqueueEvent(tx, applicationsOutbox, {
      type: 'applications.application.fee-paid',
      payload: { applicationId: current.id, paidMinor, dueMinor: current.feeDueMinor },
    });
  }
}

/** Money of a fee returned to the payer: what is paid goes down, and may no longer cover it. */
export async function recordFeeRefund(tx: Executor, event: EventEnvelope): Promise<void> {
  const parsed = FeePaid.safeParse(event.payload);
  if (!parsed.success) return;
  const refund = parsed.data;
  const current = await lockApplication(tx, refund.applicationId);
  if (!current) return;
  const paidMinor = Math.max(0, current.feePaidMinor - refund.amountMinor);
  const stillPaid = feePaid({ ...current, feePaidMinor: paidMinor });
  await updateApplication(tx, current, {
    feePaidMinor: paidMinor,
    ...(!stillPaid && { feePaidAt: null }),
  });
  await recordTransition(tx, {
    applicationId: current.id,
    step: 'refund-fee',
    fromStatus: current.status,
    toStatus: current.status,
    actorSubject: 'okno:payments',
    actorRoles: nodeActor.roles,
    channel: null,
    officeCode: null,
    reason: `refund of payment ${refund.paymentId}: ${refund.amountMinor} kopecks`,
  });
}
