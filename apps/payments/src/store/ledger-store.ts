import { sql } from 'drizzle-orm';
import { newId, type Executor } from '@okno/db';
import { ledgerEntries } from '@okno/db/payments';
import { isBalanced, type Posting } from '../model/ledger-postings';

export interface Journal {
  kind: 'payment' | 'refund';
  paymentId: string;
  currency: string;
  postings: readonly Posting[];
  at: Date;
}

/** Writes one money movement; refuses (a bug, never a client's mistake) if it is unbalanced. */
export async function recordJournal(tx: Executor, journal: Journal): Promise<void> {
  if (!isBalanced(journal.postings)) {
    throw new Error(`unbalanced ${journal.kind} journal for payment ${journal.paymentId}`);
  }
  const journalId = newId();
  await tx.insert(ledgerEntries).values(
    journal.postings.map((p) => ({
      id: newId(),
      journalId,
      account: p.account,
      amountMinor: p.amountMinor,
      currency: journal.currency,
      kind: journal.kind,
      paymentId: journal.paymentId,
      createdAt: journal.at,
    })),
  );
}

/** Every account's balance, summed from its entries. */
export async function balances(db: Executor) {
  const rows = await db
    .select({
      account: ledgerEntries.account,
      currency: ledgerEntries.currency,
      balanceMinor: sql<string>`sum(${ledgerEntries.amountMinor})`,
      entries: sql<number>`count(*)::int`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.account, ledgerEntries.currency)
    .orderBy(ledgerEntries.account);
  return rows.map((r) => ({ ...r, balanceMinor: Number(r.balanceMinor) }));
}

/** What reached the budget for a payment, by the ledger (credits to budget accounts). */
export async function budgetCreditOf(db: Executor, paymentId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string | null>`sum(${ledgerEntries.amountMinor})` })
    .from(ledgerEntries)
    .where(
      sql`${ledgerEntries.paymentId} = ${paymentId} and ${ledgerEntries.account} like 'budget:%'`,
    );
  return 0 - Number(row?.sum ?? 0); // not -Number(): no negative zero
}
