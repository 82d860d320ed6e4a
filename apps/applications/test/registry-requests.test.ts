import { describe, expect, it } from 'vitest';
import {
  afterOutcome,
  MAX_ATTEMPTS,
  registrySubject,
  retryDelayMs,
} from '../src/model/registry-requests';

const now = new Date('2026-11-02T03:00:00Z');
const after = (ms: number) => new Date(now.getTime() + ms);
const timeout = { kind: 'failed', retryable: true, reason: 'timed out' } as const;

describe('inter-agency requests, as pure decisions', () => {
  it('backs off 30 s, 1, 2, 4 minutes ... up to an hour, with at most a tenth more', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n, none) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
    expect(retryDelayMs(1, () => 0.999)).toBe(32_997);
  });

  it('retries a retryable failure on the next attempt, and gives up after the last', () => {
    expect(afterOutcome(1, timeout, now, () => 0)).toEqual({
      status: 'open',
      attempt: 2,
      nextAttemptAt: after(30_000),
      lastError: 'timed out',
    });
    expect(afterOutcome(MAX_ATTEMPTS, timeout, now)).toEqual({
      status: 'failed',
      lastError: `gave up after ${MAX_ATTEMPTS} attempts: timed out`,
    });
  });

  it('takes a final failure as final, and an answer as an answer', () => {
    const refusal = { kind: 'failed', retryable: false, reason: 'no such record' } as const;
    expect(afterOutcome(1, refusal, now)).toEqual({
      status: 'failed',
      lastError: 'no such record',
    });
    const answer = { reference: 'R-1', issuedBy: 'ЗАГС', data: {} };
    expect(afterOutcome(3, { kind: 'answered', answer }, now)).toEqual({ status: 'answered' });
  });

  it('asks a pending registry again when it says, within a second and an hour', () => {
    const pending = (ms: number) => afterOutcome(2, { kind: 'pending', checkAgainInMs: ms }, now);
    expect(pending(5_000)).toEqual({
      status: 'open',
      attempt: 2,
      nextAttemptAt: after(5_000),
      lastError: null,
    });
    expect(pending(0)).toMatchObject({ nextAttemptAt: after(1_000) });
    expect(pending(86_400_000)).toMatchObject({ nextAttemptAt: after(3_600_000) });
  });

  it('tells a registry who the request is about, and nothing else of the form', () => {
    const form = { fullName: 'Анна Петрова', childName: 'Ира', bankAccount: '4081', phone: '+7' };
    expect(registrySubject(form)).toEqual({ fullName: 'Анна Петрова', childName: 'Ира' });
    const shown = { fullName: 'Анна Павловна Петрова', identityDocument: { number: '3201' } };
    expect(registrySubject(form, shown)).toMatchObject({
      fullName: 'Анна Павловна Петрова',
      identityDocument: { number: '3201' },
    });
  });
});
