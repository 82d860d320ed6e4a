import http from 'k6/http';
import { check } from 'k6';
import type { Options } from 'k6/options';
import { bearer, personToken } from '../lib/auth.ts';
import { baseUrl, profile } from '../lib/config.ts';
import { freshKey } from '../lib/keys.ts';
import { thresholdsFor } from '../lib/thresholds.ts';

/**
 * Officers charge fines and citizens pay them on the bank simulator: accrual, payment with an
 * Idempotency-Key, the bank's checkout, then the status. Needs a development node (the
 * simulator and the demo people).
 */
export const options: Options = {
  scenarios: {
    pay: {
      executor: 'constant-arrival-rate',
      rate: profile === 'load' ? 20 : 2,
      timeUnit: '1s',
      duration: profile === 'load' ? '60s' : '10s',
      preAllocatedVUs: profile === 'load' ? 40 : 4,
      maxVUs: profile === 'load' ? 200 : 20,
    },
  },
  thresholds: thresholdsFor(['pay'], { p95: 500, p99: 1500 }),
};

export function setup() {
  return { officer: personToken('officer1'), citizen: personToken('citizen1') };
}

export default function pay(tokens: { officer: string; citizen: string }) {
  const json = { 'Content-Type': 'application/json' };
  const accrual = http.post(
    `${baseUrl}/api/payments/accruals`,
    JSON.stringify({
      amountMinor: 50_000,
      budgetCode: '18811601123010001140',
      purpose: 'Штраф (нагрузочный тест)',
      payer: { subject: 'load-test-payer' },
    }),
    { headers: { ...json, ...bearer(tokens.officer), 'Idempotency-Key': freshKey('fine') } },
  );
  if (!check(accrual, { 'the fine is charged': (r) => r.status === 201 })) return;
  const uin = accrual.json('uin') as string;
  const payment = http.post(
    `${baseUrl}/api/payments/accruals/${uin}/payments`,
    JSON.stringify({ provider: 'okno.bank-simulator' }),
    { headers: { ...json, ...bearer(tokens.citizen), 'Idempotency-Key': freshKey('pay') } },
  );
  if (!check(payment, { 'the payment starts': (r) => r.status === 201 })) return;
  const checkout = payment.json('redirectUrl') as string;
  const paid = http.post(
    checkout,
    { outcome: 'paid' },
    { redirects: 0, tags: { name: 'checkout' } },
  );
  check(paid, { 'the bank sends the payer back': (r) => r.status === 303 });
  const status = http.get(`${baseUrl}/api/payments/accruals/${uin}`, { tags: { name: 'status' } });
  check(status, { 'the fine is paid': (r) => r.json('status') === 'paid' });
}
