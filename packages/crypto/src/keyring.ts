import { randomBytes } from 'node:crypto';

/** A 256-bit data key and the id that ciphertexts name it by. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The keys personal data is encrypted with. New data is encrypted with the primary (first)
 * key; older keys stay to decrypt what they encrypted, so a key can be rotated without
 * rewriting every row at once.
 */
export interface Keyring {
  readonly primary: DataKey;
  /** Every key, the primary first. */
  readonly all: readonly DataKey[];
  find(id: string): DataKey | undefined;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function keyring(keys: readonly DataKey[]): Keyring {
  const [primary] = keys;
  if (!primary) throw new Error('a keyring needs at least one key');
  const byId = new Map(keys.map((k) => [k.id, k]));
  if (byId.size !== keys.length) throw new Error('key ids must be unique');
  return { primary, all: [...keys], find: (id) => byId.get(id) };
}

/**
 * Reads a keyring from configuration: `id:base64key` pairs separated by commas, the primary
 * first, e.g. `2026b:...,2026a:...`. Errors name the bad entry, never the key material.
 */
export function parseKeyring(text: string): Keyring {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const keys = entries.map((entry, index) => {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(id)) {
      throw new Error(`key ${index + 1} has no valid id: write it as <id>:<base64 key>`);
    }
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (key.length !== 32) {
      throw new Error(`key "${id}" is ${key.length} bytes; it must be 32 random bytes in base64`);
    }
    return { id, key };
  });
  return keyring(keys);
}

/** The configuration text of a keyring (for storing a generated development keyring). */
export function formatKeyring(keys: readonly DataKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

/** A fresh random key, for development nodes and for rotation. */
export function generateDataKey(id: string): DataKey {
  return { id, key: randomBytes(32) };
}
