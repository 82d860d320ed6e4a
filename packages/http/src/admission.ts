import { metrics } from '@opentelemetry/api';
import type { Context, MiddlewareHandler } from 'hono';
import { problemResponse, problemTypes } from './problem';

export interface AdmissionLimits {
  /** Requests handled at once; more wait in line. */
  maxInFlight: number;
  /** Requests that may wait in line; one more is turned away at once. */
  maxQueued: number;
  /** The longest a request waits in line before it is turned away (ms). */
  maxWaitMs: number;
  /** What `Retry-After` tells a turned-away client (seconds). */
  retryAfterSeconds: number;
}

export interface AdmissionStats {
  inFlight: number;
  queued: number;
  /** Requests turned away since start. */
  shed: number;
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Load shedding: at most `maxInFlight` requests are handled at once and at most `maxQueued`
 * wait, each for at most `maxWaitMs`; the rest get 503 with `Retry-After` at once. Under
 * overload the node thus answers every request quickly (either served in bounded time or told
 * when to come back) instead of letting every request slow down until clients time out and
 * retry, which is how the 2019 enrolment sites fell over. A turned-away request has not
 * touched the database, so a retry with the same Idempotency-Key is always safe.
 *
 * `exempt` requests bypass the line: liveness, readiness and metrics (an orchestrator must still
 * see a busy node as alive and ready), and one service's in-process call to another, made on
 * behalf of a request that already holds a slot (turning it away would fail work half done).
 */
export function admissionControl(
  limits: AdmissionLimits,
  exempt: (c: Context) => boolean = () => false,
): { middleware: MiddlewareHandler; stats: () => AdmissionStats } {
  let inFlight = 0;
  let shed = 0;
  const line: Waiter[] = [];
  const meter = metrics.getMeter('@okno/http');
  const shedCounter = meter.createCounter('okno.http.shed', {
    description: 'Requests turned away with 503 because the node was at capacity',
  });
  meter
    .createObservableGauge('okno.http.admission.in_flight', {
      description: 'Requests being handled',
    })
    .addCallback((result) => result.observe(inFlight));
  meter
    .createObservableGauge('okno.http.admission.queued', {
      description: 'Requests waiting for a slot',
    })
    .addCallback((result) => result.observe(line.length));

  const release = () => {
    const next = line.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit(); // the slot passes straight to the next in line
    } else {
      inFlight -= 1;
    }
  };

  const turnAway = (c: Context, why: string) => {
    shed += 1;
    shedCounter.add(1);
    return problemResponse(c, {
      status: 503,
      type: problemTypes.overloaded,
      title: 'Service Unavailable',
      detail: `The node is at capacity (${why}); retry after ${limits.retryAfterSeconds} s.`,
      headers: { 'Retry-After': String(limits.retryAfterSeconds) },
    });
  };

  /** Resolves true once a slot is ours, false if the wait ran out. */
  const waitForSlot = () =>
    new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        admit: () => resolve(true),
        timer: setTimeout(() => {
          line.splice(line.indexOf(waiter), 1);
          resolve(false);
        }, limits.maxWaitMs),
      };
      line.push(waiter);
    });

  const middleware: MiddlewareHandler = async (c, next) => {
    if (exempt(c)) return next();
    if (inFlight < limits.maxInFlight) {
      inFlight += 1;
    } else if (line.length >= limits.maxQueued) {
      return turnAway(c, `${limits.maxQueued} requests already waiting`);
    } else if (!(await waitForSlot())) {
      return turnAway(c, `no slot within ${limits.maxWaitMs} ms`);
    }
    try {
      await next();
    } finally {
      release();
    }
  };

  return { middleware, stats: () => ({ inFlight, queued: line.length, shed }) };
}
