/**
 * The check digit of a UIN (уникальный идентификатор начисления), computed over every digit
 * before it, as published by the Ministry of Finance of Russia (order No. 107n of 12.11.2013,
 * appendix on forming UINs; the same mod-11 method as the OKPO classifier's check number):
 * 1. weigh the digits, from the first, 1, 2, …, 10, 1, 2, …;
 * 2. the check digit is the sum of the products modulo 11;
 * 3. if that is 10, weigh again starting from 3 (3, 4, …, 10, 1, 2, …);
 * 4. if that is 10 again, the check digit is 0.
 * See docs/payments.md for the source and the real UINs the tests check it against.
 */
export function uinCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('a UIN check digit is computed over digits only');
  const remainder = (firstWeight: number) =>
    [...digits].reduce((sum, d, i) => sum + Number(d) * (((i + firstWeight - 1) % 10) + 1), 0) % 11;
  const first = remainder(1);
  if (first < 10) return first;
  const second = remainder(3);
  return second < 10 ? second : 0;
}

/** Whether a string is a UIN: 20 or 25 digits whose last is the check digit of the rest. */
export function isValidUin(uin: string): boolean {
  if (!/^(\d{20}|\d{25})$/.test(uin)) return false;
  return uinCheckDigit(uin.slice(0, -1)) === Number(uin.at(-1));
}
