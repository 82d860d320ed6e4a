import { v7 } from 'uuid';

/**
 * A new UUIDv7: time-ordered, so primary-key indexes stay compact. Made in the application
 * because PostgreSQL 15 has no uuidv7() (PGlite's PostgreSQL 18 does).
 */
export function newId(): string {
  return v7();
}
