import { z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { machineRoles } from '@okno/auth';
import type { Executor } from '@okno/db';
import {
  discrepancies,
  discrepancyKinds,
  paymentsIdempotencyKeys,
  statements,
} from '@okno/db/payments';
import {
  conflict,
  createRouter,
  defineRoute,
  invalidFields,
  notFound,
  requirePrincipal,
} from '@okno/http';
import { ledgerReaders, moneyOfficers } from '../model/access';
import { CASH_PROVIDER, type PaymentsContext } from '../payments-context';
import { parseStatementCsv } from '../reconciliation/statement-csv';
import { importStatement } from '../reconciliation/statement-store';

const Discrepancy = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    kind: z.enum(discrepancyKinds),
    uin: z.string(),
    paymentId: z.uuid().nullable(),
    lineNo: z.int().nullable(),
    nodeMinor: z.int().nullable(),
    statementMinor: z.int().nullable(),
    decision: z.string().nullable(),
    note: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .openapi('Discrepancy');

const Statement = z
  .object({
    id: z.uuid(),
    source: z.string(),
    statementDate: z.iso.date(),
    lineCount: z.int(),
    matchedCount: z.int(),
    totalMinor: z.int(),
    discrepancies: z.array(Discrepancy),
  })
  .openapi('Statement');

/** What an officer may decide a discrepancy was, and so what happens next outside the node. */
export const decisions = [
  'bank-to-correct',
  'node-corrected',
  'refund-to-payer',
  'matched-by-hand',
  'no-action',
] as const;

const Resolution = z
  .object({
    decision: z.enum(decisions),
    note: z.string().trim().min(3).max(2000),
  })
  .openapi('DiscrepancyResolution');

type DiscrepancyRow = typeof discrepancies.$inferSelect;
const toView = (d: DiscrepancyRow): z.infer<typeof Discrepancy> => ({
  ...d,
  resolvedAt: d.resolvedAt?.toISOString() ?? null,
});

const importers = [...moneyOfficers, machineRoles.bank];

export function reconciliationRoutes(ctx: PaymentsContext) {
  const statementView = async (db: Executor, statement: typeof statements.$inferSelect) => ({
    id: statement.id,
    source: statement.source,
    statementDate: statement.statementDate,
    lineCount: statement.lineCount,
    matchedCount: statement.matchedCount,
    totalMinor: statement.totalMinor,
    discrepancies: (
      await db
        .select()
        .from(discrepancies)
        .where(eq(discrepancies.statementId, statement.id))
        .orderBy(discrepancies.kind, discrepancies.id)
    ).map(toView),
  });

  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/statements',
        access: { roles: importers },
        idempotency: paymentsIdempotencyKeys,
        tags: ['reconciliation'],
        summary: "Import a day's statement (CSV) and reconcile it with the node's payments",
        description:
          'The CSV format is in docs/payments.md. Lines are matched to payments by UIN and amount; every mismatch (missing, unknown, amount-differs, duplicate) becomes a discrepancy for an officer to resolve.',
        request: {
          query: z.object({
            source: z.string().min(1).max(100).openapi({ example: 'okno.bank-simulator' }),
            date: z.iso.date(),
          }),
          body: { required: true, content: { 'text/csv': { schema: z.string() } } },
        },
        responses: {
          201: {
            description: 'Imported and reconciled.',
            content: { 'application/json': { schema: Statement } },
          },
          200: {
            description: 'This file was imported before: that import.',
            content: { 'application/json': { schema: Statement } },
          },
          409: { description: 'Another file for this source and day was imported before.' },
          415: { description: 'The body is not text/csv.' },
          422: { description: 'The file has bad lines, each named in `errors`.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { source, date } = c.req.valid('query');
        const known = ctx.providers.has(source) || source === CASH_PROVIDER;
        if (!known) {
          throw invalidFields([
            {
              location: 'query',
              pointer: '/source',
              message: 'is not a payment provider of this node',
            },
          ]);
        }
        if (!(c.req.header('content-type') ?? '').startsWith('text/csv')) {
          throw invalidFields([
            { location: 'header', pointer: '/content-type', message: 'must be text/csv' },
          ]);
        }
        const text = await c.req.text();
        const parsed = parseStatementCsv(text);
        if (parsed.errors.length > 0) throw invalidFields(parsed.errors);
        const result = await c.var.db.transaction(async (tx) => {
          const imported = await importStatement(tx, ctx, {
            source,
            date,
            text,
            lines: parsed.lines,
            by: principal.subject,
          });
          if (imported.fresh) {
            await recordAudit(tx, {
              kind: 'statement-imported',
              ...actorOf(principal, c.var.requestId),
              target: `${source}/${date}`,
              details: {
                statementId: imported.statement.id,
                lines: imported.statement.lineCount,
                matched: imported.statement.matchedCount,
              },
            });
          }
          return { fresh: imported.fresh, view: await statementView(tx, imported.statement) };
        });
        c.header('location', `/api/payments/statements/${result.view.id}`);
        return c.json(result.view, result.fresh ? 201 : 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/statements/{id}',
        access: { roles: [...moneyOfficers, ...ledgerReaders] },
        tags: ['reconciliation'],
        summary: 'An imported statement and its discrepancies',
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The statement.',
            content: { 'application/json': { schema: Statement } },
          },
          404: { description: 'No such statement.' },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const [statement] = await c.var.db.select().from(statements).where(eq(statements.id, id));
        if (!statement) throw notFound(`There is no statement ${id}.`);
        return c.json(await statementView(c.var.db, statement), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/discrepancies',
        access: { roles: [...moneyOfficers, ...ledgerReaders] },
        tags: ['reconciliation'],
        summary: 'Discrepancies still to resolve, oldest first',
        responses: {
          200: {
            description: 'Open discrepancies.',
            content: { 'application/json': { schema: z.object({ items: z.array(Discrepancy) }) } },
          },
        },
      }),
      async (c) => {
        const rows = await c.var.db
          .select()
          .from(discrepancies)
          .where(isNull(discrepancies.resolvedAt))
          .orderBy(discrepancies.id)
          .limit(500);
        return c.json({ items: rows.map(toView) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/discrepancies/{id}/resolution',
        access: { roles: moneyOfficers },
        idempotency: paymentsIdempotencyKeys,
        tags: ['reconciliation'],
        summary: 'Decide what a discrepancy was; recorded with who and why in the audit trail',
        request: {
          params: z.object({ id: z.uuid() }),
          body: { required: true, content: { 'application/json': { schema: Resolution } } },
        },
        responses: {
          200: {
            description: 'The resolved discrepancy.',
            content: { 'application/json': { schema: Discrepancy } },
          },
          404: { description: 'No such discrepancy.' },
          409: { description: 'It was resolved already.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const resolved = await c.var.db.transaction(async (tx) => {
          const [row] = await tx
            .update(discrepancies)
            .set({
              decision: body.decision,
              note: body.note,
              resolvedBy: principal.subject,
              resolvedAt: ctx.now(),
            })
            .where(and(eq(discrepancies.id, id), isNull(discrepancies.resolvedAt)))
            .returning();
          if (!row) {
            const [exists] = await tx
              .select({ id: discrepancies.id })
              .from(discrepancies)
              .where(eq(discrepancies.id, id));
            throw exists
              ? conflict(`Discrepancy ${id} was resolved already.`)
              : notFound(`There is no discrepancy ${id}.`);
          }
          await recordAudit(tx, {
            kind: 'discrepancy-resolved',
            ...actorOf(principal, c.var.requestId),
            target: row.uin,
            details: {
              discrepancyId: id,
              kind: row.kind,
              decision: body.decision,
              note: body.note,
            },
          });
          return row;
        });
        return c.json(toView(resolved), 200);
      },
    );
}
