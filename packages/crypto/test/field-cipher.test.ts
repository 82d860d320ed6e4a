import { describe, expect, it } from 'vitest';
import {
  decryptField,
  encryptField,
  formatKeyring,
  generateDataKey,
  keyIdOf,
  keyring,
  parseKeyring,
} from '../src';

const context = 'identity.citizen_profiles.last_name:0196';

describe('field encryption', () => {
  it('round-trips, and the ciphertext shows nothing of the value', () => {
    const keys = keyring([generateDataKey('k1')]);
    const sealed = encryptField(keys, 'Петров', context);
    expect(sealed).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('Петров');
    expect(decryptField(keys, sealed, context)).toBe('Петров');
    // A fresh IV each time: equal values do not look equal at rest.
    expect(encryptField(keys, 'Петров', context)).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext', () => {
    const keys = keyring([generateDataKey('k1')]);
    const sealed = encryptField(keys, '123-456-789 64', context);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    expect(() => decryptField(keys, tampered, context)).toThrow(/authentication failed/);
  });

  it('refuses a value moved to another row or column', () => {
    const keys = keyring([generateDataKey('k1')]);
    const sealed = encryptField(keys, 'Петров', context);
    expect(() => decryptField(keys, sealed, `${context}-other-row`)).toThrow(/another row/);
  });

  it('rotates: new values use the primary key, old ones still decrypt', () => {
    const old = generateDataKey('2025');
    const before = encryptField(keyring([old]), 'Иван', context);
    const rotated = parseKeyring(formatKeyring([generateDataKey('2026'), old]));
    const after = encryptField(rotated, 'Иван', context);
    expect(keyIdOf(after)).toBe('2026');
    expect(decryptField(rotated, before, context)).toBe('Иван');
    expect(decryptField(rotated, after, context)).toBe('Иван');
    expect(() => decryptField(keyring([generateDataKey('2026')]), before, context)).toThrow(
      /key "2025" is not in the keyring/,
    );
  });

  it('explains a bad keyring without echoing key material', () => {
    expect(() => parseKeyring('')).toThrow(/at least one key/);
    expect(() => parseKeyring('c2hvcnQ=')).toThrow(/key 1 has no valid id/);
    expect(() => parseKeyring('k1:c2hvcnQ=')).toThrow(/"k1" is 5 bytes; it must be 32/);
    const key = formatKeyring([generateDataKey('k1')]);
    expect(() => parseKeyring(`${key},${key}`)).toThrow(/unique/);
  });
});
