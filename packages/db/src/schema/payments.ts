import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const paymentsSchema = pgSchema('payments');

/**
 * Who may make UINs under this node's prefix: the node itself and each counter or mobile office
 * that creates accruals on its own, even offline. Each counts its own sequence, so UINs from
 * different issuers never collide.
 */
export const uinIssuers = paymentsSchema.table('uin_issuers', {
  /** The 4-digit issuer segment of the UIN. */
  code: char('code', { length: 4 }).primaryKey(),
  title: text('title').notNull(),
  /** The office whose devices issue under it; null for the node itself. */
  officeCode: text('office_code'),
  /** The next sequence number the node uses when it issues under this code itself. */
  nextSequence: bigint('next_sequence', { mode: 'number' }).notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A charge to the budget, identified by its UIN: a fee for an application, or a fine. */
export const accruals = paymentsSchema.table(
  'accruals',
  {
    id: uuid('id').primaryKey(),
    /** Unique accrual identifier, the number a payer quotes. */
    uin: text('uin').notNull().unique(),
    /** Money is integers in minor units (kopecks), never floats. */
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Budget classification code (KBK) the fee is paid to. */
    budgetCode: text('budget_code').notNull(),
    purpose: text('purpose').notNull(),
    /** What has reached the budget: paid payments less their refunds (kept with them). */
    paidMinor: bigint('paid_minor', { mode: 'number' }).notNull().default(0),
    dueDate: date('due_date', { mode: 'string' }),
    /** The issuer segment it was made under; null for UINs made elsewhere. */
    issuer: char('issuer', { length: 4 }),
    /** The application whose fee it is, if any. */
    applicationId: uuid('application_id'),
    /** The payer's account (a citizen) or company (INN), when known. */
    payerSubject: text('payer_subject'),
    payerCompany: text('payer_company'),
    /**
     * A keyed hash (HMAC) of the payer's document, so a payer can find what they owe by
     * document number without the node keeping the number here. See docs/payments.md.
     */
    payerIndex: text('payer_index'),
    /** Who created it: the node (`okno:payments`), an officer, a partner system. */
    createdBy: text('created_by').notNull(),
    /**
     * The agency answerable for the money: the deciding agency of the application, or the
     * charging officer's. Its back office sees the payments and its supervisors refund them.
     */
    agencyCode: text('agency_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One accrual per fee of an application: a redelivered submission creates nothing new.
    uniqueIndex('accruals_application_fee_idx')
      .on(t.applicationId, t.budgetCode)
      .where(sql`${t.applicationId} is not null`),
    index('accruals_payer_subject_idx').on(t.payerSubject),
    index('accruals_payer_company_idx').on(t.payerCompany),
    index('accruals_payer_index_idx').on(t.payerIndex),
    check('accruals_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

export const paymentStatuses = [
  'created',
  'pending',
  'paid',
  'failed',
  'expired',
  'refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** One attempt to pay an accrual through a provider (a bank's card page, cash at a counter). */
export const payments = paymentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    accrualId: uuid('accrual_id').notNull(),
    uin: text('uin').notNull(),
    provider: text('provider').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').$type<PaymentStatus>().notNull(),
    /** The provider's id for it (a bank's order id, a counter's receipt number). */
    reference: text('reference'),
    /** Where the payer pays, for providers that redirect. */
    redirectUrl: text('redirect_url'),
    returnUrl: text('return_url'),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    /** Who started it: the payer's account, or the partner system that posted it. */
    createdBy: text('created_by').notNull(),
    /** The office where cash was taken. */
    officeCode: text('office_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the provider says the current status happened. */
    statusAt: timestamp('status_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    index('payments_accrual_idx').on(t.accrualId),
    index('payments_uin_idx').on(t.uin),
    index('payments_created_by_idx').on(t.createdBy, t.createdAt),
    index('payments_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('created', 'pending')`),
    // A provider's reference names one payment: a receipt posted twice is one payment.
    uniqueIndex('payments_reference_idx').on(t.provider, t.reference),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
    check('payments_refund_bounded', sql`${t.refundedMinor} between 0 and ${t.amountMinor}`),
  ],
);

/**
 * Every notice a provider sent about a payment, once per (provider, event id): a redelivered
 * or replayed webhook finds its row and changes nothing. `effect` says what it did.
 */
export const paymentNotices = paymentsSchema.table(
  'payment_notices',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    outcome: text('outcome').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** `applied`, or why not (`stale: already paid`). */
    effect: text('effect').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.eventId] }),
    index('payment_notices_payment_idx').on(t.paymentId),
  ],
);

/** Money returned to the payer of a paid payment, whole or in part. */
export const refunds = paymentsSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    reference: text('reference').notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    check('refunds_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * The double-entry ledger: every money movement is a journal of entries that sum to zero
 * (debits positive, credits negative). Balances are sums of entries, never stored; entries
 * are only ever added.
 */
export const ledgerEntries = paymentsSchema.table(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    /** The movement it is part of; its entries sum to zero. */
    journalId: uuid('journal_id').notNull(),
    /** `provider:<id>` (money held by a provider), `budget:<KBK>` (owed to the budget). */
    account: text('account').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    kind: text('kind').notNull(),
    paymentId: uuid('payment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.account),
    index('ledger_entries_payment_idx').on(t.paymentId),
    index('ledger_entries_journal_idx').on(t.journalId),
    check('ledger_entries_nonzero', sql`${t.amountMinor} <> 0`),
  ],
);

export const paymentsOutbox = outboxTable(paymentsSchema);
export const paymentsProcessedEvents = processedEventsTable(paymentsSchema);
export const paymentsIdempotencyKeys = idempotencyKeysTable(paymentsSchema);

/**
 * A daily statement from a bank, the treasury or a counter network, imported to reconcile
 * against the node's payments. One per source and day: importing it again changes nothing.
 */
export const statements = paymentsSchema.table(
  'statements',
  {
    id: uuid('id').primaryKey(),
    /** The provider it reports on (`okno.bank-simulator`, `okno.cash`). */
    source: text('source').notNull(),
    statementDate: date('statement_date', { mode: 'string' }).notNull(),
    sha256: text('sha256').notNull(),
    lineCount: integer('line_count').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    matchedCount: integer('matched_count').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('statements_source_date_idx').on(t.source, t.statementDate)],
);

/** A line of a statement as the source sent it, and the payment it matched. */
export const statementLines = paymentsSchema.table(
  'statement_lines',
  {
    statementId: uuid('statement_id').notNull(),
    /** 1-based position in the file (after the header). */
    lineNo: integer('line_no').notNull(),
    /** The source's own id of the transfer. */
    lineId: text('line_id').notNull(),
    uin: text('uin').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    paymentId: uuid('payment_id'),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.lineNo] })],
);

export const discrepancyKinds = ['missing', 'unknown', 'amount-differs', 'duplicate'] as const;
export type DiscrepancyKind = (typeof discrepancyKinds)[number];

/** What a statement and the node disagree on, until an officer decides what it was. */
export const discrepancies = paymentsSchema.table(
  'discrepancies',
  {
    id: uuid('id').primaryKey(),
    statementId: uuid('statement_id').notNull(),
    kind: text('kind').$type<DiscrepancyKind>().notNull(),
    uin: text('uin').notNull(),
    paymentId: uuid('payment_id'),
    lineNo: integer('line_no'),
    /** What the node recorded, and what the statement says (kopecks). */
    nodeMinor: bigint('node_minor', { mode: 'number' }),
    statementMinor: bigint('statement_minor', { mode: 'number' }),
    decision: text('decision'),
    note: text('note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('discrepancies_statement_idx').on(t.statementId),
    index('discrepancies_open_idx')
      .on(t.id)
      .where(sql`${t.resolvedAt} is null`),
  ],
);
