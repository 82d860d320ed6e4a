import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox of one bounded context: an event is inserted in the same
 * transaction as the business change it describes, and relayed after commit.
 * `position` orders delivery; `id` (UUIDv7) is the event id consumers de-duplicate by.
 */
export function outboxTable(schema: PgSchema) {
  return schema.table(
    'outbox',
    {
      position: bigserial('position', { mode: 'number' }).primaryKey(),
      id: uuid('id').notNull().unique(),
      type: text('type').notNull(),
      payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
      headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
      occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
      publishedAt: timestamp('published_at', { withTimezone: true }),
      /** A relay's claim on the row while it publishes, so replicas do not publish it twice. */
      claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    },
    (t) => [
      index('outbox_unpublished_idx')
        .on(t.position)
        .where(sql`${t.publishedAt} is null`),
    ],
  );
}
export type OutboxTable = ReturnType<typeof outboxTable>;
