import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected } from './payment-provider';

/**
 * HMAC-SHA256 webhook signatures, for providers to use rather than write their own:
 * `t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">`. The timestamp is signed with the body, so
 * a captured webhook cannot be made fresh again; within the tolerance the node's
 * de-duplication by event id stops replays. Several `v1` values may be sent while a secret is
 * being rotated.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

/**
 * Checks a signature header against the body with constant-time comparison, and that it was
 * made within the tolerance of `now` (either way: clocks drift). Throws `WebhookRejected`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null,
  body: string,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): void {
  if (!header) throw new WebhookRejected('the webhook has no signature header');
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) {
    throw new WebhookRejected('the signature header is not "t=<seconds>,v1=<hex>"');
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(t));
  if (skew > toleranceSeconds) {
    throw new WebhookRejected(
      `the webhook was signed ${Math.round(skew)} s away from now (tolerance ${toleranceSeconds} s)`,
    );
  }
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  const matches = signatures.some((candidate) => {
    const given = /^[0-9a-f]{64}$/i.test(candidate) ? Buffer.from(candidate, 'hex') : null;
    return given !== null && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookRejected('the webhook signature does not match its body');
}

const hmac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('hex');
