import { describe, expect, it } from 'vitest';
import { signWebhook, WebhookRejected, type PaymentStart } from '@okno/plugin-sdk';
import { bankSimulator, SIGNATURE_HEADER } from '../src';

const at = new Date('2026-11-23T10:00:00Z');
const payment: PaymentStart = {
  paymentId: '01a20968-a6bd-70b3-8512-f9157e585cc3',
  uin: '0000000000020000000000018',
  amountMinor: 50_000,
  currency: 'RUB',
  purpose: 'Штраф <за> превышение',
  returnUrl: 'https://gosuslugi.example.ru/payments',
  nodeUrl: 'https://gosuslugi.example.ru',
};

describe('the bank simulator', () => {
  it('sends the payer to its checkout page, which escapes what it shows', async () => {
    const bank = bankSimulator({ secret: 's3cret', now: () => at });
    const started = await bank.start(payment);
    expect(started.redirectUrl).toBe(
      `https://gosuslugi.example.ru/api/payments/providers/okno.bank-simulator/pages/${payment.paymentId}`,
    );
    const page = await bank.pages!(new Request(started.redirectUrl), () =>
      Promise.reject(new Error('no')),
    );
    const html = await page.text();
    expect(html).toContain('Штраф &lt;за&gt; превышение');
    expect(html).toContain('500,00');
  });

  it('calls the node back with a notice it signed, which it then reads as genuine', async () => {
    const bank = bankSimulator({ secret: 's3cret', now: () => at });
    const started = await bank.start(payment);
    let sent: { body: string; headers: Record<string, string> } | undefined;
    const answer = await bank.pages!(
      new Request(started.redirectUrl, {
        method: 'POST',
        body: new URLSearchParams({ outcome: 'paid' }),
      }),
      (body, headers) => {
        sent = { body, headers };
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(
      `${payment.returnUrl}?payment=${payment.paymentId}`,
    );
    const notice = bank.readNotice({
      headers: new Headers(sent!.headers),
      body: sent!.body,
      receivedAt: at,
    });
    expect(notice).toMatchObject({
      paymentId: payment.paymentId,
      outcome: 'paid',
      amountMinor: 50_000,
    });
    // The session is over: the page is gone.
    expect(
      (await bank.pages!(new Request(started.redirectUrl), () => Promise.reject(new Error('no'))))
        .status,
    ).toBe(404);
  });

  it('refuses a stale signature, and a genuinely signed body that is not a notice', () => {
    const bank = bankSimulator({ secret: 's3cret', now: () => at });
    const body = '{"hello":"world"}';
    const headers = new Headers({ [SIGNATURE_HEADER]: signWebhook('s3cret', body, at) });
    expect(() => bank.readNotice({ headers, body, receivedAt: at })).toThrow(
      /not a simulator notice/,
    );
    const later = new Date(at.getTime() + 10 * 60_000);
    expect(() => bank.readNotice({ headers, body, receivedAt: later })).toThrow(WebhookRejected);
  });

  it('tells the payer when the node refused the notice, and keeps the session', async () => {
    const bank = bankSimulator({ secret: 's3cret', now: () => at });
    const started = await bank.start(payment);
    const post = () =>
      bank.pages!(
        new Request(started.redirectUrl, {
          method: 'POST',
          body: new URLSearchParams({ outcome: 'failed' }),
        }),
        () => Promise.resolve(new Response('', { status: 503 })),
      );
    expect((await post()).status).toBe(502);
    expect((await post()).status).toBe(502);
  });
});
