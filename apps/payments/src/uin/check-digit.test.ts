import { describe, expect, it } from 'vitest';
import { isValidUin, uinCheckDigit } from './check-digit';

// Real UINs published with payment requisites (sources in docs/payments.md).
const realUins = [
  '18887717033050384868', // a fine of the Snezhinsk district police department (Chelyabinsk region)
  '18810142200817004923', // a traffic fine of the Kemerovo city police department, paid in 2020
];

describe('the UIN check digit', () => {
  it.each(realUins)('matches the published algorithm on the real UIN %s', (uin) => {
    expect(uinCheckDigit(uin.slice(0, -1))).toBe(Number(uin.at(-1)));
    expect(isValidUin(uin)).toBe(true);
  });

  it('refuses a real UIN with any other check digit', () => {
    for (const uin of realUins) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const changed = `${uin.slice(0, -1)}${digit}`;
        expect(isValidUin(changed), changed).toBe(changed === uin);
      }
    }
  });

  it('weighs again from 3 when the first remainder is 10', () => {
    // "0000000001": 1·10 = 10 → remainder 10; weighed from 3 the tenth weight is 2 → 2.
    expect(uinCheckDigit('0000000001')).toBe(2);
  });

  it('is 0 when the second remainder is 10 too', () => {
    // "281": 2·1 + 8·2 + 1·3 = 21 ≡ 10; weighed from 3: 2·3 + 8·4 + 1·5 = 43 ≡ 10 → 0.
    expect(uinCheckDigit('281')).toBe(0);
  });

  it('takes only 20- or 25-digit strings as UINs', () => {
    expect(isValidUin('1888771703305038486')).toBe(false);
    expect(isValidUin('188877170330503848680')).toBe(false);
    expect(isValidUin('1888771703305038486A')).toBe(false);
    expect(() => uinCheckDigit('12a')).toThrow();
  });
});
