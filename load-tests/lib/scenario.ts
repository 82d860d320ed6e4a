import type { Scenario } from 'k6/options';
import { profile } from './config.ts';

/**
 * An open-model scenario (arrivals per second, whatever the node's speed): `rate` per second
 * for `seconds` under PROFILE=load, a trickle for a few seconds in the CI smoke.
 */
export function arrivals(load: { rate: number; seconds: number }, smokeRate = 2): Scenario {
  const rate = profile === 'load' ? load.rate : smokeRate;
  return {
    executor: 'constant-arrival-rate',
    rate,
    timeUnit: '1s',
    duration: `${profile === 'load' ? load.seconds : 10}s`,
    preAllocatedVUs: Math.max(2, rate),
    maxVUs: Math.max(20, rate * 10),
  };
}
