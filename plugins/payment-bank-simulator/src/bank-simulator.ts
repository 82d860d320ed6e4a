import { randomUUID } from 'node:crypto';
import {
  signWebhook,
  verifyWebhookSignature,
  type PaymentProvider,
  type PaymentStart,
  type WebhookDelivery,
} from '@okno/plugin-sdk';
import { checkoutPage } from './checkout-page';
import type { NoticeBody } from './notice-body';
import { readNoticeBody } from './notice-body';

export const BANK_SIMULATOR_ID = 'okno.bank-simulator';
export const SIGNATURE_HEADER = 'okno-signature';

export interface BankSimulatorOptions {
  /** The HMAC secret shared by the "bank" and the node; never a default. */
  secret: string;
  now?: () => Date;
}

/**
 * A card-acquiring bank, simulated: `start` opens a checkout session and sends the payer to
 * its page (served by the node); paying or declining there makes the bank call the node back
 * with an HMAC-signed webhook, as a real acquirer does. Sessions live in memory: a restarted
 * simulator forgets them, and those payments expire.
 */
export function bankSimulator(options: BankSimulatorOptions): PaymentProvider {
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, PaymentStart>();

  async function pages(request: Request, deliver: WebhookDelivery): Promise<Response> {
    const paymentId = new URL(request.url).pathname.split('/').pop() ?? '';
    const session = sessions.get(paymentId);
    if (!session) return new Response('No such checkout session.', { status: 404 });
    if (request.method === 'GET') {
      return new Response(checkoutPage(session), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    const form = await request.formData();
    const outcome = form.get('outcome') === 'paid' ? 'paid' : 'failed';
    const notice: NoticeBody = {
      eventId: randomUUID(),
      paymentId,
      outcome,
      amountMinor: session.amountMinor,
      occurredAt: now().toISOString(),
      reference: `sim-${paymentId}`,
    };
    const body = JSON.stringify(notice);
    const delivered = await deliver(body, {
      [SIGNATURE_HEADER]: signWebhook(options.secret, body, now()),
    });
    if (!delivered.ok) {
      return new Response(`The node refused the notice (${delivered.status}).`, { status: 502 });
    }
    sessions.delete(paymentId);
    const back = new URL(session.returnUrl);
    back.searchParams.set('payment', paymentId);
    return new Response(null, { status: 303, headers: { location: back.toString() } });
  }

  return {
    id: BANK_SIMULATOR_ID,
    title: { ru: 'Банковская карта (симулятор)', en: 'Bank card (simulator)' },
    start: (payment) => {
      sessions.set(payment.paymentId, payment);
      return Promise.resolve({
        redirectUrl: `${payment.nodeUrl}/api/payments/providers/${BANK_SIMULATOR_ID}/pages/${payment.paymentId}`,
        reference: `sim-${payment.paymentId}`,
      });
    },
    readNotice: ({ headers, body, receivedAt }) => {
      verifyWebhookSignature(options.secret, headers.get(SIGNATURE_HEADER), body, receivedAt);
      return readNoticeBody(body);
    },
    refund: (refund) => Promise.resolve({ reference: `sim-refund-${refund.refundId}` }),
    pages,
  };
}
