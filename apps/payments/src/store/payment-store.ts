import { eq } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { payments } from '@okno/db/payments';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;

export async function insertPayment(tx: Executor, row: NewPaymentRow) {
  const [inserted] = await tx.insert(payments).values(row).returning();
  if (!inserted) throw new Error('payment insert returned nothing');
  return inserted;
}

export async function findPayment(db: Executor, id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

/** The payment, locked until the transaction ends: notices and refunds of it queue here. */
export async function lockPayment(tx: Executor, id: string) {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  return row;
}

export async function updatePayment(tx: Executor, id: string, changes: Partial<NewPaymentRow>) {
  const [updated] = await tx.update(payments).set(changes).where(eq(payments.id, id)).returning();
  if (!updated) throw new Error(`payment ${id} vanished while locked`);
  return updated;
}
