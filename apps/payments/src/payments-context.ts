import type { Keyring } from '@okno/crypto';
import type { PaymentsSettings } from '@okno/http';
import type { PaymentProvider } from '@okno/plugin-sdk';
import type { UinLayout } from './uin/uin-layout';

/** What the payments service works with, built once from its dependencies. */
export interface PaymentsContext {
  readonly layout: UinLayout;
  /** The issuer segment of UINs the node makes itself. */
  readonly nodeIssuer: string;
  /** Providers payers can choose, by id. */
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  /** For the keyed hashes payers' documents are found by. */
  readonly keyring: Keyring;
  readonly settings: PaymentsSettings;
  /** How long a payer has at a provider before the payment expires. */
  readonly pendingMs: number;
  readonly now: () => Date;
  /** The region's time zone: a statement's day is a day there. */
  readonly timeZone: string;
}

export const NODE_ISSUER = '0001';
/** The provider id of cash taken at post offices and MFC counters. */
export const CASH_PROVIDER = 'okno.cash';
export const PENDING_MINUTES = 30;
