import { integer, jsonb, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * Responses of creating POSTs by Idempotency-Key. The row is inserted in the same
 * transaction as the write it guards, so a key never makes two writes, even across crashes.
 */
export function idempotencyKeysTable(schema: PgSchema) {
  return schema.table(
    'idempotency_keys',
    {
      /** Whose key it is: the caller's subject, so two callers never share a key space. */
      scope: text('scope').notNull(),
      key: text('key').notNull(),
      /** SHA-256 of method, path and body: the same key with another request is refused. */
      requestHash: text('request_hash').notNull(),
      status: integer('status').notNull(),
      headers: jsonb('headers').$type<Record<string, string>>().notNull(),
      body: text('body').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.scope, t.key] })],
  );
}
export type IdempotencyKeysTable = ReturnType<typeof idempotencyKeysTable>;
