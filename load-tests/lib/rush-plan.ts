import type { Scenario } from 'k6/options';
import { profile } from './config.ts';

/**
 * The enrolment rush's phases (open model: arrivals per second, whatever the node's speed):
 * quiet → the peak within seconds, held; then three times the peak, where the node must turn
 * the excess away with 503 and Retry-After; then, after 10 s of quiet in which the node works
 * off what it accepted (its outbox), a baseline where latency must be back. `RUSH_PEAK` is the peak in applications per second.
 */
const peak = Number(__ENV['RUSH_PEAK'] ?? (profile === 'load' ? 100 : 3));
const seconds =
  profile === 'load'
    ? { ramp: 10, hold: 60, overload: 30, pause: 10, recovery: 30 }
    : { ramp: 2, hold: 4, overload: 4, pause: 2, recovery: 4 };
const baseline = Math.max(1, Math.round(peak / 4));

/**
 * VUs for `seconds`-long iterations at `rate`, half made before the phase starts (k6 making
 * them mid-run drops iterations; making them all costs the shared cores): an iteration under
 * overload may wait out Retry-After twice per request, some 6 s in all.
 */
const vus = (rate: number, seconds: number) => ({
  preAllocatedVUs: Math.max(5, Math.ceil((rate * seconds) / 2)),
  maxVUs: Math.max(50, rate * seconds * 2),
});

const overloadStart = seconds.ramp + seconds.hold;
const recoveryStart = overloadStart + seconds.overload + seconds.pause;

export const rushPhases: Record<'rush' | 'overload' | 'recovery', Scenario> = {
  rush: {
    executor: 'ramping-arrival-rate',
    startRate: 0,
    timeUnit: '1s',
    stages: [
      { target: peak, duration: `${seconds.ramp}s` },
      { target: peak, duration: `${seconds.hold}s` },
    ],
    ...vus(peak, 2),
  },
  overload: {
    executor: 'constant-arrival-rate',
    rate: peak * 3,
    timeUnit: '1s',
    duration: `${seconds.overload}s`,
    startTime: `${overloadStart}s`,
    ...vus(peak * 3, 7),
  },
  recovery: {
    executor: 'constant-arrival-rate',
    rate: baseline,
    timeUnit: '1s',
    duration: `${seconds.recovery}s`,
    startTime: `${recoveryStart}s`,
    ...vus(baseline, 2),
  },
};

export const rushPeak = peak;
