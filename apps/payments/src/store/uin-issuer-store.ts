import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { uinIssuers } from '@okno/db/payments';
import type { PaymentsContext } from '../payments-context';
import { makeUin } from '../uin/uin-layout';

/**
 * The node's next UIN: its own issuer's sequence, taken in one statement (the row lock makes
 * concurrent takers wait), so two accruals never share a number. Made in the caller's
 * transaction: a rolled-back accrual returns nothing, which only leaves a gap.
 */
export async function nextNodeUin(tx: Executor, ctx: PaymentsContext): Promise<string> {
  const [taken] = await tx
    .insert(uinIssuers)
    .values({ code: ctx.nodeIssuer, title: 'The node itself', nextSequence: 2 })
    .onConflictDoUpdate({
      target: uinIssuers.code,
      set: { nextSequence: sql`${uinIssuers.nextSequence} + 1` },
    })
    .returning({ next: uinIssuers.nextSequence });
  if (!taken) throw new Error('the UIN sequence returned nothing');
  return makeUin(ctx.layout, ctx.nodeIssuer, taken.next - 1);
}

export async function findIssuer(db: Executor, code: string) {
  const [row] = await db.select().from(uinIssuers).where(eq(uinIssuers.code, code));
  return row;
}
