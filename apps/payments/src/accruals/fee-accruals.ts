import { z } from 'zod';
import { newId, type Database, type Executor } from '@okno/db';
import { accruals, paymentsOutbox, paymentsProcessedEvents } from '@okno/db/payments';
import { defineConsumer, enqueueEvent, type EventEnvelope } from '@okno/events';
import type { EventSubscription } from '@okno/http';
import type { PaymentsContext } from '../payments-context';
import { nextNodeUin } from '../store/uin-issuer-store';

/** What `applications.application.submitted` carries for a service with fees. */
const SubmittedWithFees = z.object({
  applicationId: z.uuid(),
  number: z.string(),
  agencyCode: z.string(),
  fees: z
    .array(
      z.object({
        budgetCode: z.string().regex(/^\d{20}$/),
        amountMinor: z.number().int().positive(),
        title: z.object({ ru: z.string(), en: z.string() }),
      }),
    )
    .min(1),
  payer: z.object({
    subject: z.string().nullable(),
    company: z.string().nullable(),
    documentIndex: z.string().nullable(),
  }),
});

/** Days a payer has to pay an application's fee: the application waits for it anyway. */
const FEE_DUE_DAYS = 30;

/**
 * Creates an accrual, with the node's next UIN, for each fee of a submitted application.
 * Once per event (recorded in the same transaction) and once per fee (a unique index on the
 * application and budget code), so a redelivered submission creates nothing more.
 */
export function feeAccrualsSubscription(ctx: PaymentsContext, db: Database): EventSubscription {
  const name = 'payments.fee-accruals';
  return {
    name,
    pattern: 'applications.application.submitted',
    handle: defineConsumer({
      name,
      db,
      processed: paymentsProcessedEvents,
      handle: (event, tx) => createFeeAccruals(ctx, tx, event),
    }),
  };
}

export async function createFeeAccruals(
  ctx: PaymentsContext,
  tx: Executor,
  event: EventEnvelope,
): Promise<void> {
  const parsed = SubmittedWithFees.safeParse(event.payload);
  if (!parsed.success) return; // a service without fees, or not an application of this node
  const { applicationId, number, agencyCode, fees, payer } = parsed.data;
  const due = new Date(ctx.now().getTime() + FEE_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const fee of fees) {
    const uin = await nextNodeUin(tx, ctx);
    const [created] = await tx
      .insert(accruals)
      .values({
        id: newId(),
        uin,
        amountMinor: fee.amountMinor,
        currency: 'RUB',
        budgetCode: fee.budgetCode,
        purpose: `${fee.title.ru}: заявление ${number}`,
        dueDate: due,
        issuer: ctx.nodeIssuer,
        applicationId,
        payerSubject: payer.subject,
        payerCompany: payer.company,
        payerIndex: payer.documentIndex,
        createdBy: 'okno:payments',
        agencyCode,
      })
      .onConflictDoNothing()
      .returning({ id: accruals.id });
    if (created) {
      await enqueueEvent(tx, paymentsOutbox, {
        type: 'payments.accrual.created',
        payload: { accrualId: created.id, uin, applicationId, amountMinor: fee.amountMinor },
      });
    }
  }
}
