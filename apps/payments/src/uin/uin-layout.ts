import { uinCheckDigit } from './check-digit';

/**
 * How this node makes its UINs: a prefix that is the region's own (the participant's code),
 * then a per-issuer segment, then the issuer's own sequence number, then the check digit.
 *
 * - 25 digits: the participant's 8-digit code, 4-digit issuer, 12-digit sequence, check digit.
 * - 20 digits: the revenue administrator's 3-digit code, 4-digit issuer, 12-digit sequence,
 *   check digit.
 *
 * Every place that creates accruals on its own (the node, each counter, each mobile office)
 * has its own issuer number and counts only its own sequence, so two of them working apart,
 * even offline for days, can never make the same UIN.
 */
export interface UinLayout {
  /** 8 digits (a 25-digit UIN) or 3 digits (a 20-digit UIN). */
  readonly prefix: string;
}

export const ISSUER_DIGITS = 4;
export const SEQUENCE_DIGITS = 12;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** The prefix a layout accepts, with what is wrong if it does not. */
export function layoutProblem(prefix: string): string | null {
  return /^(\d{3}|\d{8})$/.test(prefix)
    ? null
    : 'a UIN prefix is 8 digits (the participant code, 25-digit UINs) or 3 (the revenue administrator code, 20-digit UINs)';
}

/** The UIN of an issuer's sequence number. */
export function makeUin(layout: UinLayout, issuer: string, sequence: number): string {
  const problem = layoutProblem(layout.prefix);
  if (problem) throw new Error(problem);
  if (!/^\d{4}$/.test(issuer)) throw new Error('an issuer is 4 digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new Error(`a UIN sequence number is 1 to ${MAX_SEQUENCE}`);
  }
  const body = `${layout.prefix}${issuer}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
  return `${body}${uinCheckDigit(body)}`;
}

/** Which issuer of this layout made a UIN, or null if the UIN is not of this layout. */
export function issuerOf(layout: UinLayout, uin: string): string | null {
  const length = layout.prefix.length + ISSUER_DIGITS + SEQUENCE_DIGITS + 1;
  if (uin.length !== length || !uin.startsWith(layout.prefix)) return null;
  return uin.slice(layout.prefix.length, layout.prefix.length + ISSUER_DIGITS);
}
