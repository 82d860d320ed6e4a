import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  blindIndex,
  blindIndexes,
  IDENTITY_DOCUMENT_CONTEXT,
  identityDocumentValue,
} from '@okno/crypto';
import { recordAudit, actorOf } from '@okno/audit';
import { newId } from '@okno/db';
import { accruals, paymentsIdempotencyKeys, paymentsOutbox } from '@okno/db/payments';
import { enqueueEvent } from '@okno/events';
import {
  conflict,
  createRouter,
  defineRoute,
  invalidFields,
  notFound,
  requirePrincipal,
} from '@okno/http';
import { accrualIssuers, maySeeAccrual, payerRoles, paymentViewers } from '../model/access';
import { offlineUinProblem } from '../model/offline-uin';
import type { PaymentsContext } from '../payments-context';
import { accrualsOfPayer, findAccrualByUin } from '../store/accrual-store';
import { findIssuer, nextNodeUin } from '../store/uin-issuer-store';
import { issuerOf } from '../uin/uin-layout';
import { Accrual, toAccrualView, Uin } from './views';

const IdentityDocument = z.object({
  kind: z.enum([
    'passport-rf',
    'foreign-passport',
    'residence-permit',
    'birth-certificate',
    'driving-licence',
    'vehicle-registration',
  ]),
  number: z.string().trim().min(4).max(30),
});

const NewAccrual = z
  .object({
    amountMinor: z.int().positive().max(100_000_000_00),
    budgetCode: z.string().regex(/^\d{20}$/, 'a budget classification code of 20 digits'),
    purpose: z.string().trim().min(3).max(210),
    dueDate: z.iso.date().optional(),
    uin: Uin.optional().openapi({
      description:
        'A UIN the office made itself, under its own issuer (offline, see docs/payments.md); without it the node makes one.',
    }),
    payer: z
      .object({
        document: IdentityDocument.optional(),
        subject: z.string().min(1).max(200).optional(),
      })
      .refine((p) => p.document || p.subject, 'name the payer by document or account'),
  })
  .openapi('NewAccrual');

const AccrualList = z.object({ items: z.array(Accrual) }).openapi('AccrualList');

export function accrualRoutes(ctx: PaymentsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accruals/{uin}',
        access: 'public',
        tags: ['payments'],
        summary: 'Look up what is owed by its accrual number (UIN), as a payer would',
        description: 'Shows the amount and purpose only; nothing about the payer.',
        request: { params: z.object({ uin: Uin }) },
        responses: {
          200: {
            description: 'The accrual.',
            content: { 'application/json': { schema: Accrual } },
          },
          404: { description: 'No accrual with this UIN.' },
        },
      }),
      async (c) => {
        const { uin } = c.req.valid('param');
        const row = await findAccrualByUin(c.var.db, uin);
        if (!row) throw notFound(`There is no accrual with UIN ${uin}.`);
        return c.json(toAccrualView(row), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accruals',
        access: { roles: payerRoles },
        tags: ['payments'],
        summary: "What the caller owes: their own and their company's accruals",
        responses: {
          200: {
            description: 'The accruals.',
            content: { 'application/json': { schema: AccrualList } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const rows = await accrualsOfPayer(c.var.db, {
          subject: principal.subject,
          ...(principal.company && { company: principal.company }),
        });
        return c.json({ items: rows.map(toAccrualView) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{id}/accruals',
        access: { roles: paymentViewers },
        tags: ['payments'],
        summary: "An application's fees: their UINs and what is paid",
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The accruals, possibly none.',
            content: { 'application/json': { schema: AccrualList } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const rows = await c.var.db.select().from(accruals).where(eq(accruals.applicationId, id));
        // Each sees the fees they may (see model/access.ts); others' look empty.
        const visible = rows.filter((a) => maySeeAccrual(principal, a));
        return c.json({ items: visible.map(toAccrualView) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accruals/search',
        access: 'public',
        tags: ['payments'],
        summary: 'Find what a payer owes by their identity document, as at a payment terminal',
        description:
          "POST so the document number stays out of URLs and access logs. The node keeps only a keyed hash of payers' documents, and answers with what is owed, never who owes it.",
        request: {
          body: {
            required: true,
            content: { 'application/json': { schema: z.object({ document: IdentityDocument }) } },
          },
        },
        responses: {
          200: {
            description: 'The accruals.',
            content: { 'application/json': { schema: AccrualList } },
          },
        },
      }),
      async (c) => {
        const { document } = c.req.valid('json');
        const indexes = blindIndexes(
          ctx.keyring,
          IDENTITY_DOCUMENT_CONTEXT,
          identityDocumentValue(document.kind, document.number),
        );
        const rows = await accrualsOfPayer(c.var.db, { documentIndexes: indexes });
        return c.json({ items: rows.map(toAccrualView) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accruals',
        access: { roles: accrualIssuers },
        idempotency: paymentsIdempotencyKeys,
        tags: ['payments'],
        summary: 'Charge a fine or fee outside an application, or bring one an office made offline',
        description:
          "Without `uin` the node makes the UIN. With one (a counter or mobile office that issued it on its own), it must be valid, of this region, under the office's registered issuer; sent again with the same details it returns the accrual already recorded (200).",
        request: {
          body: { required: true, content: { 'application/json': { schema: NewAccrual } } },
        },
        responses: {
          201: {
            description: 'The accrual, with its UIN.',
            content: { 'application/json': { schema: Accrual } },
          },
          200: {
            description: 'This UIN was brought before with the same details.',
            content: { 'application/json': { schema: Accrual } },
          },
          409: { description: 'This UIN was brought before with other details.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const body = c.req.valid('json');
        const document = body.payer.document;
        if (body.uin) {
          const problem = offlineUinProblem(
            ctx.layout,
            body.uin,
            await findIssuer(c.var.db, issuerOf(ctx.layout, body.uin) ?? ''),
            principal,
          );
          if (problem)
            throw invalidFields([{ location: 'body', pointer: '/uin', message: problem }]);
          const existing = await findAccrualByUin(c.var.db, body.uin);
          if (existing) {
            const same =
              existing.amountMinor === body.amountMinor &&
              existing.budgetCode === body.budgetCode &&
              existing.purpose === body.purpose;
            if (!same) throw conflict(`UIN ${body.uin} was brought before with other details.`);
            return c.json(toAccrualView(existing), 200);
          }
        }
        const row = await c.var.db.transaction(async (tx) => {
          const uin = body.uin ?? (await nextNodeUin(tx, ctx));
          const [inserted] = await tx
            .insert(accruals)
            .values({
              id: newId(),
              uin,
              amountMinor: body.amountMinor,
              currency: 'RUB',
              budgetCode: body.budgetCode,
              purpose: body.purpose,
              dueDate: body.dueDate ?? null,
              issuer: issuerOf(ctx.layout, uin),
              payerSubject: body.payer.subject ?? null,
              payerIndex: document ? documentIndex(ctx, document) : null,
              createdBy: principal.subject,
              agencyCode: principal.agency ?? null,
            })
            .onConflictDoNothing()
            .returning();
          // Another request brought the same offline UIN in between: the retry finds it.
          if (!inserted) throw conflict(`UIN ${uin} is being recorded by another request; retry.`);
          await recordAudit(tx, {
            kind: 'accrual-created',
            ...actorOf(principal, c.var.requestId),
            target: uin,
            details: {
              amountMinor: inserted.amountMinor,
              budgetCode: inserted.budgetCode,
              agency: principal.agency ?? null,
              office: principal.office ?? null,
              offline: body.uin !== undefined,
            },
          });
          await enqueueEvent(tx, paymentsOutbox, {
            type: 'payments.accrual.created',
            payload: { accrualId: inserted.id, uin, amountMinor: inserted.amountMinor },
          });
          return inserted;
        });
        const uin = row.uin;
        c.header('location', `/api/payments/accruals/${uin}`);
        return c.json(toAccrualView(row), 201);
      },
    );
}

const documentIndex = (ctx: PaymentsContext, d: z.infer<typeof IdentityDocument>) =>
  blindIndex(ctx.keyring, IDENTITY_DOCUMENT_CONTEXT, identityDocumentValue(d.kind, d.number));
