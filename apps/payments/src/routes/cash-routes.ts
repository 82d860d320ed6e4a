import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { newId } from '@okno/db';
import { payments, paymentsIdempotencyKeys } from '@okno/db/payments';
import {
  conflict,
  createRouter,
  defineRoute,
  invalidFields,
  notFound,
  requirePrincipal,
} from '@okno/http';
import { cashPosters } from '../model/access';
import { CASH_PROVIDER, type PaymentsContext } from '../payments-context';
import { findAccrualByUin, lockAccrual } from '../store/accrual-store';
import { moveTo } from '../store/payment-moves';
import { insertPayment } from '../store/payment-store';
import { Payment, toPaymentView, Uin } from './views';

const CashPayment = z
  .object({
    uin: Uin,
    amountMinor: z.int().positive(),
    officeCode: z.string().min(1).max(100),
    receiptNumber: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: "The counter's receipt number." }),
    paidAt: z.iso.datetime({ offset: true }),
  })
  .openapi('CashPayment');

/**
 * Cash taken at a post office or MFC counter, posted by the partner's system with client
 * credentials. A receipt is one payment: posted again (a retry without the key, a resend after
 * a lost answer) it returns the payment already recorded, so money is never counted twice.
 */
export function cashRoutes(ctx: PaymentsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/cash-payments',
      access: { roles: cashPosters },
      idempotency: paymentsIdempotencyKeys,
      tags: ['payments'],
      summary: 'Post cash paid at a counter towards an accrual',
      request: {
        body: { required: true, content: { 'application/json': { schema: CashPayment } } },
      },
      responses: {
        201: {
          description: 'The payment, paid.',
          content: { 'application/json': { schema: Payment } },
        },
        200: {
          description: 'This receipt was posted before: the payment it made.',
          content: { 'application/json': { schema: Payment } },
        },
        404: { description: 'No accrual with this UIN.' },
        409: { description: 'The receipt number was posted before with other details.' },
        422: { description: 'More than is outstanding, or a time in the future.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const body = c.req.valid('json');
      const paidAt = new Date(body.paidAt);
      if (paidAt.getTime() > ctx.now().getTime() + 5 * 60_000) {
        throw invalidFields([
          { location: 'body', pointer: '/paidAt', message: 'is in the future' },
        ]);
      }
      const found = await findAccrualByUin(c.var.db, body.uin);
      if (!found) throw notFound(`There is no accrual with UIN ${body.uin}.`);
      const reference = `${body.officeCode}/${body.receiptNumber}`;
      const result = await c.var.db.transaction(async (tx) => {
        const accrual = await lockAccrual(tx, found.id);
        const [posted] = await tx
          .select()
          .from(payments)
          .where(and(eq(payments.provider, CASH_PROVIDER), eq(payments.reference, reference)));
        if (posted) {
          if (posted.uin !== body.uin || posted.amountMinor !== body.amountMinor) {
            throw conflict(`Receipt ${reference} was posted before for another UIN or amount.`);
          }
          return { payment: posted, fresh: false };
        }
        const outstanding = accrual.amountMinor - accrual.paidMinor;
        if (body.amountMinor > outstanding) {
          throw invalidFields([
            {
              location: 'body',
              pointer: '/amountMinor',
              message: `exceeds the ${outstanding} kopecks outstanding`,
            },
          ]);
        }
        const created = await insertPayment(tx, {
          id: newId(),
          accrualId: accrual.id,
          uin: body.uin,
          provider: CASH_PROVIDER,
          amountMinor: body.amountMinor,
          currency: accrual.currency,
          status: 'created',
          reference,
          createdBy: principal.subject,
          officeCode: body.officeCode,
          createdAt: ctx.now(),
          statusAt: paidAt,
        });
        const moved = await moveTo(tx, created, 'paid', paidAt);
        await recordAudit(tx, {
          kind: 'cash-payment-posted',
          ...actorOf(principal, c.var.requestId),
          target: body.uin,
          details: { paymentId: created.id, amountMinor: body.amountMinor, reference },
        });
        return { payment: moved.payment, fresh: true };
      });
      c.header('location', `/api/payments/payments/${result.payment.id}`);
      return c.json(toPaymentView(result.payment), result.fresh ? 201 : 200);
    },
  );
}
