import { feePaid, roubles } from './fees';
import type { Step } from './lifecycle';

/** What of an application, beyond its status, decides whether a step may be taken now. */
export interface GuardFacts {
  collectOfficeCode: string | null;
  feeDueMinor: number;
  feePaidMinor: number;
}

/** Why a step the status allows cannot be taken on this application now; undefined if it can. */
export function stepRefusal(step: Step, a: GuardFacts): string | undefined {
  if (step === 'dispatch-result' && a.collectOfficeCode === null) {
    return 'The result is delivered on the portal: there is no office to send it to.';
  }
  if (step === 'issue' && !feePaid(a)) {
    // The applicant never brings a receipt: payments announces the payment (once-only again).
    return `The fee is not paid yet: ${roubles(a.feeDueMinor - a.feePaidMinor)} outstanding.`;
  }
  return undefined;
}
