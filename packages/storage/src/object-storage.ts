import type { Readable } from 'node:stream';

/**
 * Where documents' bytes live: a local folder in the embedded default, S3-compatible object
 * storage in production. Only bytes: what they are (type, owner, hash) is in the database.
 */
export interface ObjectStorage {
  /** Names the kind for logs and readiness: `local` or `s3`. */
  readonly kind: string;
  /**
   * Streams `body` to `key`, never holding it whole in memory. If the stream fails (a limit
   * was crossed, the client went away), nothing is left under `key`.
   */
  put(key: StorageKey, body: Readable, options: { contentType: string }): Promise<void>;
  /** The object's bytes, or the inclusive byte range asked for; undefined if absent. */
  get(key: StorageKey, range?: ByteRange): Promise<Readable | undefined>;
  /** The object's size; undefined if absent. */
  size(key: StorageKey): Promise<number | undefined>;
  /** Removes the object; removing an absent one is fine. */
  delete(key: StorageKey): Promise<void>;
  /** Every key under a prefix (housekeeping, and tests proving nothing was left behind). */
  list(prefix: string): Promise<StorageKey[]>;
}

/** Inclusive, as HTTP Range has it. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Keys are made by the server, never from a client's file name. */
export type StorageKey = string;

const KEY = /^[a-z0-9]+(?:[-/][a-z0-9]+)*$/;

/** Refuses anything but a server-made key: lowercase words joined by `-` and `/`. */
export function checkKey(key: string): StorageKey {
  if (!KEY.test(key) || key.length > 512) throw new Error(`not a storage key: ${key}`);
  return key;
}
