import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { accruals } from '@okno/db/payments';

export type AccrualRow = typeof accruals.$inferSelect;
export type NewAccrualRow = typeof accruals.$inferInsert;

export async function findAccrualByUin(db: Executor, uin: string) {
  const [row] = await db.select().from(accruals).where(eq(accruals.uin, uin));
  return row;
}

export async function findAccrual(db: Executor, id: string) {
  const [row] = await db.select().from(accruals).where(eq(accruals.id, id));
  return row;
}

export async function lockAccrual(tx: Executor, id: string) {
  const [row] = await tx.select().from(accruals).where(eq(accruals.id, id)).for('update');
  if (!row) throw new Error(`accrual ${id} vanished`);
  return row;
}

/** Records money that reached (or, negative, left) the budget for an accrual. */
export async function addPaid(tx: Executor, id: string, deltaMinor: number) {
  await tx
    .update(accruals)
    .set({ paidMinor: sql`${accruals.paidMinor} + ${deltaMinor}` })
    .where(eq(accruals.id, id));
}

/** Accruals of a payer: their account, their company, or their document's keyed hashes. */
export async function accrualsOfPayer(
  db: Executor,
  payer: { subject?: string; company?: string; documentIndexes?: readonly string[] },
) {
  const conditions: SQL[] = [];
  if (payer.subject) conditions.push(eq(accruals.payerSubject, payer.subject));
  if (payer.company) conditions.push(eq(accruals.payerCompany, payer.company));
  if (payer.documentIndexes?.length) {
    conditions.push(inArray(accruals.payerIndex, [...payer.documentIndexes]));
  }
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(accruals)
    .where(or(...conditions))
    .orderBy(accruals.createdAt)
    .limit(200);
}
