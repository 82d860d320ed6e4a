import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A ciphertext that cannot be decrypted: tampered, moved, or of a key no longer held. */
export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt a protected field: ${reason}`);
    this.name = 'DecryptionError';
  }
}

/**
 * Encrypts one field with AES-256-GCM under the primary key. `context` (for instance
 * `identity.citizen_profiles.last_name:<row id>`) is bound to the ciphertext as additional
 * authenticated data, so a value copied into another row or column does not decrypt.
 * The result is `v1.<key id>.<iv>.<ciphertext and tag>`, base64url.
 */
export function encryptField(keys: Keyring, plaintext: string, context: string): string {
  const { id, key } = keys.primary;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return [VERSION, id, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(keys: Keyring, sealed: string, context: string): string {
  const [version, keyId, iv, body] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || !body)
    throw new DecryptionError('not a v1 ciphertext');
  const dataKey = keys.find(keyId);
  if (!dataKey) throw new DecryptionError(`key "${keyId}" is not in the keyring`);
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < TAG_BYTES) throw new DecryptionError('too short');
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DecryptionError('authentication failed (tampered, or another row or column)');
  }
}

/** The id of the key a ciphertext was made with, to find rows still under a retired key. */
export function keyIdOf(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
