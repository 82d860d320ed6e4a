import { bigint, char, date, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const paymentsSchema = pgSchema('payments');

/** A charge to the budget, identified by its UIN. Providers and the ledger arrive with the payments issue. */
export const accruals = paymentsSchema.table('accruals', {
  id: uuid('id').primaryKey(),
  /** Unique accrual identifier, the number a payer quotes. */
  uin: text('uin').notNull().unique(),
  /** Money is integers in minor units (kopecks), never floats. */
  amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  /** Budget classification code the fee is paid to. */
  budgetCode: text('budget_code').notNull(),
  purpose: text('purpose').notNull(),
  status: text('status').notNull(),
  dueDate: date('due_date', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const paymentsOutbox = outboxTable(paymentsSchema);
export const paymentsProcessedEvents = processedEventsTable(paymentsSchema);
export const paymentsIdempotencyKeys = idempotencyKeysTable(paymentsSchema);
