import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature, WebhookRejected } from '../src';

const secret = 'whsec-test-only';
const body = '{"eventId":"e1","paymentId":"p1","outcome":"paid","amountMinor":35000}';
const at = new Date('2026-11-23T10:00:00Z');

describe('webhook signatures', () => {
  it('accepts a signature made with the secret over this body, within the tolerance', () => {
    const header = signWebhook(secret, body, at);
    expect(() => verifyWebhookSignature(secret, header, body, at)).not.toThrow();
    const later = new Date(at.getTime() + 299_000);
    expect(() => verifyWebhookSignature(secret, header, body, later)).not.toThrow();
  });

  it('refuses a changed body, another secret, or no header', () => {
    const header = signWebhook(secret, body, at);
    const tampered = body.replace('35000', '3500');
    expect(() => verifyWebhookSignature(secret, header, tampered, at)).toThrow(/does not match/);
    expect(() => verifyWebhookSignature('other', header, body, at)).toThrow(WebhookRejected);
    expect(() => verifyWebhookSignature(secret, null, body, at)).toThrow(/no signature/);
  });

  it('refuses a signature older or newer than the tolerance, even if genuine', () => {
    const header = signWebhook(secret, body, at);
    const late = new Date(at.getTime() + 301_000);
    expect(() => verifyWebhookSignature(secret, header, body, late)).toThrow(/tolerance 300 s/);
    const early = new Date(at.getTime() - 301_000);
    expect(() => verifyWebhookSignature(secret, header, body, early)).toThrow(/tolerance/);
  });

  it('refuses a timestamp moved forward with the old signature (the time is signed)', () => {
    const header = signWebhook(secret, body, at);
    const signature = header.split(',')[1];
    const moved = `t=${Math.floor(at.getTime() / 1000) + 600},${signature}`;
    const now = new Date(at.getTime() + 600_000);
    expect(() => verifyWebhookSignature(secret, moved, body, now)).toThrow(/does not match/);
  });

  it('accepts any one of several signatures while a secret is rotated', () => {
    const current = signWebhook(secret, body, at);
    const old = signWebhook('previous', body, at).split(',')[1];
    expect(() => verifyWebhookSignature(secret, `${current},${old}`, body, at)).not.toThrow();
  });

  it('refuses malformed headers with a reason, not a crash', () => {
    for (const header of ['', 'v1=abc', 't=x,v1=00', 't=1', 'garbage']) {
      expect(() => verifyWebhookSignature(secret, header, body, at)).toThrow(WebhookRejected);
    }
    const short = `t=${Math.floor(at.getTime() / 1000)},v1=abcd`;
    expect(() => verifyWebhookSignature(secret, short, body, at)).toThrow(/does not match/);
  });
});
