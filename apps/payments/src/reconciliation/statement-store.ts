import { createHash } from 'node:crypto';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { dateIn } from '@okno/calendar';
import { newId, type Executor } from '@okno/db';
import { discrepancies, payments, statementLines, statements } from '@okno/db/payments';
import { conflict } from '@okno/http';
import type { PaymentsContext } from '../payments-context';
import { matchStatement } from './match-statement';
import type { ParsedLine } from './statement-csv';

export type StatementRow = typeof statements.$inferSelect;

/**
 * Imports a parsed statement and reconciles it with the payments the node recorded as paid
 * through that source on that day (in the region's time zone). The same file again returns
 * the first import; another file for the same source and day is refused (409).
 */
export async function importStatement(
  tx: Executor,
  ctx: PaymentsContext,
  input: { source: string; date: string; text: string; lines: ParsedLine[]; by: string },
): Promise<{ statement: StatementRow; fresh: boolean }> {
  const sha256 = createHash('sha256').update(input.text).digest('hex');
  const [existing] = await tx
    .select()
    .from(statements)
    .where(and(eq(statements.source, input.source), eq(statements.statementDate, input.date)));
  if (existing) {
    if (existing.sha256 !== sha256) {
      throw conflict(
        `A different statement from ${input.source} for ${input.date} was imported already.`,
      );
    }
    return { statement: existing, fresh: false };
  }

  const paid = await paidThatDay(tx, ctx, input.source, input.date);
  const { matched, discrepancies: found } = matchStatement(paid, input.lines);
  const matchedBy = new Map(matched.map((m) => [m.lineNo, m.paymentId]));
  const statementId = newId();
  const [statement] = await tx
    .insert(statements)
    .values({
      id: statementId,
      source: input.source,
      statementDate: input.date,
      sha256,
      lineCount: input.lines.length,
      totalMinor: input.lines.reduce((sum, l) => sum + l.amountMinor, 0),
      matchedCount: matched.length,
      importedBy: input.by,
      importedAt: ctx.now(),
    })
    .returning();
  for (let i = 0; i < input.lines.length; i += 500) {
    await tx.insert(statementLines).values(
      input.lines.slice(i, i + 500).map((l) => ({
        statementId,
        lineNo: l.lineNo,
        lineId: l.lineId,
        uin: l.uin,
        amountMinor: l.amountMinor,
        paidAt: l.paidAt,
        paymentId: matchedBy.get(l.lineNo) ?? null,
      })),
    );
  }
  if (found.length > 0) {
    await tx.insert(discrepancies).values(found.map((d) => ({ id: newId(), statementId, ...d })));
  }
  return { statement: statement!, fresh: true };
}

/** Payments through a source whose money arrived on a day of the region's calendar. */
async function paidThatDay(tx: Executor, ctx: PaymentsContext, source: string, date: string) {
  // A day anywhere is within a day of the UTC day: read that window, then keep the local day.
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000);
  const to = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000);
  const rows = await tx
    .select({
      id: payments.id,
      uin: payments.uin,
      amountMinor: payments.amountMinor,
      paidAt: payments.paidAt,
    })
    .from(payments)
    .where(
      and(
        eq(payments.provider, source),
        inArray(payments.status, ['paid', 'refunded']),
        gte(payments.paidAt, from),
        lt(payments.paidAt, to),
      ),
    )
    .orderBy(payments.paidAt);
  return rows.filter((r) => r.paidAt && dateIn(r.paidAt, ctx.timeZone) === date);
}
