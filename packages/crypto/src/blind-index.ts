import { createHmac } from 'node:crypto';
import type { Keyring } from './keyring';

/**
 * A blind index: a keyed hash (HMAC-SHA256) of a value, so that rows can be found by a
 * personal identifier (a document number) without storing it. Bound to a context, so the same
 * number hashes differently for different purposes. Made with the primary key; look-ups try
 * every key (`blindIndexes`), so rows indexed before a key rotation are still found.
 */
export function blindIndex(keys: Keyring, context: string, value: string): string {
  return indexWith(keys.primary.key, context, value);
}

/** The value's index under every key of the ring, the primary's first. */
export function blindIndexes(keys: Keyring, context: string, value: string): string[] {
  return keys.all.map((k) => indexWith(k.key, context, value));
}

function indexWith(key: Buffer, context: string, value: string): string {
  return createHmac('sha256', key).update(`${context}\0${value}`).digest('base64url');
}

/** The context and normal form identity documents are indexed by, the same in every service. */
export const IDENTITY_DOCUMENT_CONTEXT = 'identity-document';
export const identityDocumentValue = (kind: string, number: string): string =>
  `${kind}:${number.replace(/[\s-]/g, '').toUpperCase()}`;
