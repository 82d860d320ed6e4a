import type { Scenario } from 'k6/options';
import { profile } from './config.ts';

/**
 * The enrolment rush's phases (open model: arrivals per second, whatever the node's speed):
 * quiet → the peak within seconds, held; then three times the peak, where the node must turn
 * the excess away with 503 and Retry-After; then a baseline, where latency must be back.
 * `RUSH_PEAK` is the peak in applications per second.
 */
const peak = Number(__ENV['RUSH_PEAK'] ?? (profile === 'load' ? 100 : 3));
const seconds =
  profile === 'load'
    ? { ramp: 10, hold: 60, overload: 30, pause: 5, recovery: 30 }
    : { ramp: 2, hold: 4, overload: 4, pause: 2, recovery: 4 };
const baseline = Math.max(1, Math.round(peak / 4));

/** Enough VUs for the slowest phase: each iteration may wait out a Retry-After or two. */
const vus = (rate: number) => ({
  preAllocatedVUs: Math.max(5, rate * 2),
  maxVUs: Math.max(50, rate * 10),
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
    ...vus(peak),
  },
  overload: {
    executor: 'constant-arrival-rate',
    rate: peak * 3,
    timeUnit: '1s',
    duration: `${seconds.overload}s`,
    startTime: `${overloadStart}s`,
    ...vus(peak * 3),
  },
  recovery: {
    executor: 'constant-arrival-rate',
    rate: baseline,
    timeUnit: '1s',
    duration: `${seconds.recovery}s`,
    startTime: `${recoveryStart}s`,
    ...vus(baseline),
  },
};

export const rushPeak = peak;
