import { z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
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
import { mayOversee, maySeeAccrual, payerRoles, paymentViewers } from '../model/access';
import type { PaymentsContext } from '../payments-context';
import { findAccrual, findAccrualByUin, lockAccrual } from '../store/accrual-store';
import { moveTo } from '../store/payment-moves';
import { findPayment, insertPayment } from '../store/payment-store';
import { Payment, toPaymentView, Uin } from './views';

const NewPayment = z
  .object({
    provider: z.string().min(1).max(100).openapi({ example: 'okno.bank-simulator' }),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .openapi({ description: "Where to come back to: a page of this node's portal." }),
  })
  .openapi('NewPayment');

const PaymentList = z.object({ items: z.array(Payment) }).openapi('PaymentList');

export function paymentRoutes(ctx: PaymentsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accruals/{uin}/payments',
        access: { roles: payerRoles },
        idempotency: paymentsIdempotencyKeys,
        tags: ['payments'],
        summary: 'Pay what is outstanding on an accrual through a provider',
        description:
          'Anyone signed in may pay any UIN (a relative pays a fine). The answer says where to send the payer (`redirectUrl`). ' +
          'Retries with the same `Idempotency-Key` get the same payment: one charge, however many retries.',
        request: {
          params: z.object({ uin: Uin }),
          body: { required: true, content: { 'application/json': { schema: NewPayment } } },
        },
        responses: {
          201: {
            description: 'The payment, pending at the provider.',
            content: { 'application/json': { schema: Payment } },
          },
          404: { description: 'No accrual with this UIN.' },
          409: { description: 'Nothing is left to pay.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { uin } = c.req.valid('param');
        const body = c.req.valid('json');
        const provider = ctx.providers.get(body.provider);
        if (!provider) {
          throw invalidFields([
            {
              location: 'body',
              pointer: '/provider',
              message: `no such provider; this node offers ${[...ctx.providers.keys()].join(', ') || 'none'}`,
            },
          ]);
        }
        const returnUrl = body.returnUrl ?? `${ctx.settings.publicUrl}/`;
        if (!returnUrl.startsWith(`${ctx.settings.publicUrl}/`)) {
          throw invalidFields([
            {
              location: 'body',
              pointer: '/returnUrl',
              message: `must be under ${ctx.settings.publicUrl}/`,
            },
          ]);
        }
        const found = await findAccrualByUin(c.var.db, uin);
        if (!found) throw notFound(`There is no accrual with UIN ${uin}.`);
        const payment = await c.var.db.transaction(async (tx) => {
          const accrual = await lockAccrual(tx, found.id);
          const outstanding = accrual.amountMinor - accrual.paidMinor;
          if (outstanding <= 0) throw conflict(`UIN ${uin} is paid in full.`);
          const now = ctx.now();
          const created = await insertPayment(tx, {
            id: newId(),
            accrualId: accrual.id,
            uin,
            provider: provider.id,
            amountMinor: outstanding,
            currency: accrual.currency,
            status: 'created',
            returnUrl,
            createdBy: principal.subject,
            createdAt: now,
            statusAt: now,
          });
          // The payment id is the provider's idempotency key: a retry after a crash between
          // here and the commit starts the same payment at the provider, not a second one.
          const started = await provider.start({
            paymentId: created.id,
            uin,
            amountMinor: outstanding,
            currency: accrual.currency,
            purpose: accrual.purpose,
            returnUrl,
            nodeUrl: ctx.settings.publicUrl,
          });
          await tx
            .update(payments)
            .set({ reference: started.reference, redirectUrl: started.redirectUrl })
            .where(eq(payments.id, created.id));
          const moved = await moveTo(
            tx,
            { ...created, reference: started.reference, redirectUrl: started.redirectUrl },
            'pending',
            now,
          );
          return moved.payment;
        });
        c.header('location', `/api/payments/payments/${payment.id}`);
        return c.json(toPaymentView(payment), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/payments',
        access: { roles: payerRoles },
        tags: ['payments'],
        summary: "The caller's own payments, newest first: their receipts once paid",
        responses: {
          200: {
            description: 'The payments.',
            content: { 'application/json': { schema: PaymentList } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const rows = await c.var.db
          .select()
          .from(payments)
          .where(eq(payments.createdBy, principal.subject))
          .orderBy(desc(payments.createdAt))
          .limit(200);
        return c.json({ items: rows.map(toPaymentView) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/payments/{id}',
        access: { roles: paymentViewers },
        tags: ['payments'],
        summary: 'A payment: its state, and once paid, the receipt',
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The payment.',
            content: { 'application/json': { schema: Payment } },
          },
          404: { description: 'No such payment that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const payment = await findPayment(c.var.db, id);
        const accrual = payment && (await findAccrual(c.var.db, payment.accrualId));
        const visible =
          payment?.createdBy === principal.subject ||
          (accrual !== undefined && mayOversee(principal, accrual));
        if (!payment || !visible) throw notFound(`There is no payment ${id} that you may see.`);
        return c.json(toPaymentView(payment), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accruals/{uin}/payments',
        access: { roles: paymentViewers },
        tags: ['payments'],
        summary: 'Payments of an accrual: what is paid, for officers and the payer',
        request: { params: z.object({ uin: Uin }) },
        responses: {
          200: {
            description: 'The payments, oldest first.',
            content: { 'application/json': { schema: PaymentList } },
          },
          404: { description: 'No such accrual that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { uin } = c.req.valid('param');
        const accrual = await findAccrualByUin(c.var.db, uin);
        if (!accrual || !maySeeAccrual(principal, accrual)) {
          throw notFound(`There is no accrual ${uin} whose payments you may see.`);
        }
        const rows = await c.var.db
          .select()
          .from(payments)
          .where(eq(payments.accrualId, accrual.id))
          .orderBy(payments.createdAt);
        // The payer sees what they started and what is paid; overseeing staff, every attempt.
        const visible = mayOversee(principal, accrual)
          ? rows
          : rows.filter((p) => p.createdBy === principal.subject || p.status === 'paid');
        return c.json({ items: visible.map(toPaymentView) }, 200);
      },
    );
}
