/**
 * The `payments.provider` extension point: a way for payers to pay an accrual (a bank's card
 * acquiring, a fast payments system, a wallet). The node keeps the payment's state, ledger and
 * idempotency; a provider only starts payments at its side and says what happened, through
 * webhooks the node checks with `readNotice`. The first-party bank simulator
 * (`@okno/plugin-payment-bank-simulator`) is written exactly this way.
 */
export interface PaymentProvider {
  /** Names the provider in the API, the ledger and webhook URLs (`okno.bank-simulator`). */
  readonly id: string;
  /** What payers see when choosing how to pay. */
  readonly title: { readonly ru: string; readonly en: string };
  /**
   * Starts a payment at the provider and says where to send the payer. `paymentId` is unique
   * per payment and must be the provider's idempotency key: a retry after a crash must not
   * make a second charge at the provider either.
   */
  readonly start: (request: PaymentStart) => Promise<PaymentStarted>;
  /**
   * Checks that a webhook is genuine (signature, freshness) and reads it. Throws
   * `WebhookRejected` when it is not; the node answers 401 and changes nothing. The node
   * itself de-duplicates notices by `eventId` and never moves a payment backwards.
   */
  readonly readNotice: (webhook: ReceivedWebhook) => PaymentNotice;
  /** Returns money of a paid payment to the payer; resolves once the provider accepted it. */
  readonly refund: (request: RefundRequest) => Promise<{ reference: string }>;
  /**
   * Pages the provider serves from the node itself, under
   * `/api/payments/providers/<id>/…` (a simulator's checkout page). Real banks have none.
   * `deliver` sends a webhook to the node, as the provider's own servers would.
   */
  readonly pages?: (request: Request, deliver: WebhookDelivery) => Promise<Response>;
}

export interface PaymentStart {
  readonly paymentId: string;
  readonly uin: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly purpose: string;
  /** Where the provider sends the payer back to when they are done. */
  readonly returnUrl: string;
  /** The node's public base URL, for providers whose pages the node serves. */
  readonly nodeUrl: string;
}

export interface PaymentStarted {
  /** Where the payer goes to pay. */
  readonly redirectUrl: string;
  /** The provider's own id for the payment, shown to officers and on statements. */
  readonly reference: string;
}

export interface ReceivedWebhook {
  readonly headers: Headers;
  /** The body exactly as received: signatures are over bytes, not over parsed JSON. */
  readonly body: string;
  readonly receivedAt: Date;
}

/** What a provider's webhook says happened to one payment. */
export interface PaymentNotice {
  /** The provider's id of this notice: a redelivery carries the same one. */
  readonly eventId: string;
  readonly paymentId: string;
  readonly outcome: 'paid' | 'failed';
  readonly amountMinor: number;
  /** When it happened at the provider (not when it arrived). */
  readonly occurredAt: Date;
  readonly reference: string;
}

export interface RefundRequest {
  readonly refundId: string;
  readonly paymentId: string;
  readonly reference: string;
  readonly amountMinor: number;
}

export type WebhookDelivery = (body: string, headers: Record<string, string>) => Promise<Response>;

/** A webhook that is not genuine or not fresh; the message says why (never a secret). */
export class WebhookRejected extends Error {
  override readonly name = 'WebhookRejected';
}
