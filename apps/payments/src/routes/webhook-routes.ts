import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@okno/audit';
import { paymentNotices } from '@okno/db/payments';
import { createRouter, defineRoute, notFound, ProblemError, problemTypes } from '@okno/http';
import { WebhookRejected, type PaymentNotice } from '@okno/plugin-sdk';
import type { PaymentsContext } from '../payments-context';
import { moveTo } from '../store/payment-moves';
import { lockPayment } from '../store/payment-store';

const NoticeReceipt = z
  .object({
    effect: z.string().openapi({
      description:
        '`applied`, `duplicate` (this event was already received), or why it changed nothing.',
    }),
  })
  .openapi('NoticeReceipt');

/**
 * Where providers report what happened to payments. The provider checks the signature and
 * freshness; the node keeps each notice once by its event id (a replay or redelivery changes
 * nothing and is answered 200, so the provider stops resending) and never moves a payment
 * backwards (a late "failed" after "paid" is recorded and ignored).
 */
export function webhookRoutes(ctx: PaymentsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/webhooks/{provider}',
      access: 'public',
      tags: ['payments'],
      summary: "A provider's notice about a payment, signed by the provider",
      description:
        "Authenticated by the provider's signature over the exact body, not by a bearer token. " +
        "The body is the provider's; see the provider's documentation (the bank simulator's is in docs/payments.md).",
      request: { params: z.object({ provider: z.string().max(100) }) },
      responses: {
        200: {
          description: 'Received.',
          content: { 'application/json': { schema: NoticeReceipt } },
        },
        401: { description: 'The signature is missing, wrong or stale.' },
        404: { description: 'No such provider, or the payment is not of this node.' },
        422: { description: 'The notice contradicts the payment (another amount).' },
      },
    }),
    async (c) => {
      const providerId = c.req.valid('param').provider;
      const provider = ctx.providers.get(providerId);
      if (!provider) throw notFound(`There is no payment provider ${providerId}.`);
      const body = await c.req.text();
      let notice: PaymentNotice;
      try {
        notice = provider.readNotice({ headers: c.req.raw.headers, body, receivedAt: ctx.now() });
      } catch (error) {
        if (!(error instanceof WebhookRejected)) throw error;
        throw new ProblemError({
          status: 401,
          type: problemTypes.unauthenticated,
          title: 'Unauthorized',
          detail: `Webhook refused: ${error.message}.`,
        });
      }
      const effect = await c.var.db.transaction(async (tx) => {
        const payment = await lockPayment(tx, notice.paymentId);
        if (!payment || payment.provider !== provider.id) {
          throw notFound(`There is no payment ${notice.paymentId} made with ${provider.id}.`);
        }
        if (notice.amountMinor !== payment.amountMinor) {
          throw new ProblemError({
            status: 422,
            type: problemTypes.validation,
            title: 'Unprocessable Content',
            detail: `The notice says ${notice.amountMinor} kopecks; payment ${payment.id} is for ${payment.amountMinor}.`,
          });
        }
        const [fresh] = await tx
          .insert(paymentNotices)
          .values({
            provider: provider.id,
            eventId: notice.eventId,
            paymentId: payment.id,
            outcome: notice.outcome,
            amountMinor: notice.amountMinor,
            occurredAt: notice.occurredAt,
            receivedAt: ctx.now(),
            effect: 'pending',
          })
          .onConflictDoNothing()
          .returning({ eventId: paymentNotices.eventId });
        if (!fresh) return 'duplicate';
        const moved = await moveTo(tx, payment, notice.outcome, notice.occurredAt);
        const effect = moved.effect.move ? 'applied' : moved.effect.why;
        // The bank's word moves money: every verified notice taken is in the audit trail.
        await recordAudit(tx, {
          kind: 'payment-notice-taken',
          actorSubject: `provider:${provider.id}`,
          target: payment.id,
          details: {
            eventId: notice.eventId,
            outcome: notice.outcome,
            amountMinor: notice.amountMinor,
            uin: payment.uin,
            effect,
          },
          requestId: c.var.requestId,
        });
        await tx
          .update(paymentNotices)
          .set({ effect })
          .where(
            and(
              eq(paymentNotices.provider, provider.id),
              eq(paymentNotices.eventId, notice.eventId),
            ),
          );
        return effect;
      });
      return c.json({ effect }, 200);
    },
  );
}
