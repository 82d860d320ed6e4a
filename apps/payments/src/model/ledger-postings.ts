/**
 * The ledger's accounts and the entries each money movement makes. Debits are positive,
 * credits negative, and every movement's entries sum to zero, so all accounts together
 * always sum to zero.
 * - `provider:<id>`: money a provider (a bank, a counter's cash desk) has taken from payers
 *   and owes the budget;
 * - `budget:<KBK>`: what the budget has been paid under a budget classification code.
 */
export interface Posting {
  readonly account: string;
  readonly amountMinor: number;
}

export const providerAccount = (providerId: string) => `provider:${providerId}`;
export const budgetAccount = (budgetCode: string) => `budget:${budgetCode}`;

interface Movement {
  provider: string;
  budgetCode: string;
  amountMinor: number;
}

/** A payer paid: the provider holds the money, the budget is credited. */
export const paymentPostings = (m: Movement): Posting[] => [
  { account: providerAccount(m.provider), amountMinor: m.amountMinor },
  { account: budgetAccount(m.budgetCode), amountMinor: -m.amountMinor },
];

/** Money returned to the payer: the budget gives back what the provider pays out. */
export const refundPostings = (m: Movement): Posting[] => [
  { account: budgetAccount(m.budgetCode), amountMinor: m.amountMinor },
  { account: providerAccount(m.provider), amountMinor: -m.amountMinor },
];

export const isBalanced = (postings: readonly Posting[]): boolean =>
  postings.length >= 2 &&
  postings.every((p) => Number.isSafeInteger(p.amountMinor) && p.amountMinor !== 0) &&
  postings.reduce((sum, p) => sum + p.amountMinor, 0) === 0;
