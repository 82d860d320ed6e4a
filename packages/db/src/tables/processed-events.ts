import { primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/** Event ids each consumer in this context has handled: at-least-once delivery, exactly-once effect. */
export function processedEventsTable(schema: PgSchema) {
  return schema.table(
    'processed_events',
    {
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
  );
}
export type ProcessedEventsTable = ReturnType<typeof processedEventsTable>;
