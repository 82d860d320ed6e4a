import { z } from '@hono/zod-openapi';
import { actorOf, recordAudit } from '@okno/audit';
import { newId } from '@okno/db';
import { paymentsIdempotencyKeys } from '@okno/db/payments';
import {
  conflict,
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  notFound,
  requirePrincipal,
} from '@okno/http';
import { mayRefund, moneyOfficers } from '../model/access';
import { CASH_PROVIDER, type PaymentsContext } from '../payments-context';
import { findAccrual } from '../store/accrual-store';
import { recordRefund } from '../store/payment-moves';
import { lockPayment } from '../store/payment-store';
import { Payment, toPaymentView } from './views';

const NewRefund = z
  .object({
    amountMinor: z.int().positive(),
    reason: z.string().trim().min(3).max(500),
  })
  .openapi('NewRefund');

export function refundRoutes(ctx: PaymentsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/payments/{id}/refunds',
      access: { roles: moneyOfficers },
      idempotency: paymentsIdempotencyKeys,
      tags: ['payments'],
      summary: 'Return all or part of a paid payment to the payer',
      description:
        'The provider returns the money (cash refunds are paid out at the office that took it). ' +
        'Refunding the whole amount makes the payment `refunded`. Audited.',
      request: {
        params: z.object({ id: z.uuid() }),
        body: { required: true, content: { 'application/json': { schema: NewRefund } } },
      },
      responses: {
        201: {
          description: 'The payment after the refund.',
          content: { 'application/json': { schema: Payment } },
        },
        404: { description: 'No such payment.' },
        409: { description: 'The payment is not paid (or already refunded).' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const updated = await c.var.db.transaction(async (tx) => {
        const payment = await lockPayment(tx, id);
        const accrual = payment && (await findAccrual(tx, payment.accrualId));
        if (!payment || !accrual) throw notFound(`There is no payment ${id}.`);
        if (!mayRefund(principal, accrual)) {
          throw forbidden(
            `Only a supervisor of ${accrual.agencyCode ?? 'the agency the money is for'} or the regional administrator may refund payment ${id}.`,
          );
        }
        if (payment.status !== 'paid')
          throw conflict(`Payment ${id} is ${payment.status}, not paid.`);
        const left = payment.amountMinor - payment.refundedMinor;
        if (body.amountMinor > left) {
          throw invalidFields([
            {
              location: 'body',
              pointer: '/amountMinor',
              message: `exceeds the ${left} kopecks not yet refunded`,
            },
          ]);
        }
        const refundId = newId();
        const provider = ctx.providers.get(payment.provider);
        if (!provider && payment.provider !== CASH_PROVIDER) {
          throw conflict(
            `Provider ${payment.provider} is not configured on this node, so it cannot refund.`,
          );
        }
        const accepted = provider
          ? await provider.refund({
              refundId,
              paymentId: payment.id,
              reference: payment.reference ?? '',
              amountMinor: body.amountMinor,
            })
          : { reference: `cash-refund/${payment.officeCode ?? 'office'}/${refundId}` };
        const after = await recordRefund(
          tx,
          payment,
          {
            id: refundId,
            amountMinor: body.amountMinor,
            reason: body.reason,
            reference: accepted.reference,
            by: principal.subject,
          },
          ctx.now(),
        );
        await recordAudit(tx, {
          kind: 'payment-refunded',
          ...actorOf(principal, c.var.requestId),
          target: payment.uin,
          details: { paymentId: id, refundId, amountMinor: body.amountMinor, reason: body.reason },
        });
        return after;
      });
      return c.json(toPaymentView(updated), 201);
    },
  );
}
