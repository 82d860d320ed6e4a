import { WebhookRejected, type PaymentNotice } from '@okno/plugin-sdk';

/** The simulator's webhook body, as JSON. */
export interface NoticeBody {
  eventId: string;
  paymentId: string;
  outcome: 'paid' | 'failed';
  amountMinor: number;
  occurredAt: string;
  reference: string;
}

/** Reads a body whose signature was already checked; a malformed one is refused all the same. */
export function readNoticeBody(body: string): PaymentNotice {
  let parsed: Partial<NoticeBody>;
  try {
    parsed = JSON.parse(body) as Partial<NoticeBody>;
  } catch {
    throw new WebhookRejected('the body is not JSON');
  }
  const { eventId, paymentId, outcome, amountMinor, occurredAt, reference } = parsed;
  const at = typeof occurredAt === 'string' ? new Date(occurredAt) : new Date(Number.NaN);
  if (
    typeof eventId !== 'string' ||
    typeof paymentId !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(paymentId) ||
    (outcome !== 'paid' && outcome !== 'failed') ||
    typeof amountMinor !== 'number' ||
    !Number.isSafeInteger(amountMinor) ||
    Number.isNaN(at.getTime()) ||
    typeof reference !== 'string'
  ) {
    throw new WebhookRejected('the body is not a simulator notice');
  }
  return { eventId, paymentId, outcome, amountMinor, occurredAt: at, reference };
}
