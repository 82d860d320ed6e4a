import { describe, expect, it } from 'vitest';
import { isValidUin } from './check-digit';
import { issuerOf, makeUin } from './uin-layout';

describe('UINs this node makes', () => {
  it('are 25 digits under an 8-digit participant code, with a valid check digit', () => {
    const uin = makeUin({ prefix: '10042200' }, '0001', 42);
    expect(uin).toMatch(/^100422000001000000000042\d$/);
    expect(uin).toHaveLength(25);
    expect(isValidUin(uin)).toBe(true);
    expect(issuerOf({ prefix: '10042200' }, uin)).toBe('0001');
  });

  it('are 20 digits under a 3-digit revenue administrator code', () => {
    const uin = makeUin({ prefix: '032' }, '0107', 1);
    expect(uin).toHaveLength(20);
    expect(isValidUin(uin)).toBe(true);
    expect(issuerOf({ prefix: '032' }, uin)).toBe('0107');
  });

  it('never collide between issuers counting the same sequence apart', () => {
    const layout = { prefix: '10042200' };
    const made = new Set<string>();
    for (const issuer of ['0001', '0002', '0107', '9999']) {
      for (let sequence = 1; sequence <= 250; sequence += 1)
        made.add(makeUin(layout, issuer, sequence));
    }
    expect(made.size).toBe(4 * 250);
  });

  it('refuse a prefix, issuer or sequence out of the format', () => {
    expect(() => makeUin({ prefix: '1234' }, '0001', 1)).toThrow(/prefix/);
    expect(() => makeUin({ prefix: '032' }, '1', 1)).toThrow(/issuer/);
    expect(() => makeUin({ prefix: '032' }, '0001', 0)).toThrow(/sequence/);
    expect(() => makeUin({ prefix: '032' }, '0001', 10 ** 12)).toThrow(/sequence/);
  });

  it('say a UIN of another layout has no issuer here', () => {
    expect(issuerOf({ prefix: '032' }, '18810142200817004923')).toBeNull();
  });
});
