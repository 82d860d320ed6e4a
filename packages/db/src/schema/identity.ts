import { jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';
import type { LocalizedText } from './localized';

export const identitySchema = pgSchema('identity');

/** The region's agencies: officers belong to one, services are the responsibility of one. */
export const agencies = identitySchema.table('agencies', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const identityOutbox = outboxTable(identitySchema);
export const identityProcessedEvents = processedEventsTable(identitySchema);
export const identityIdempotencyKeys = idempotencyKeysTable(identitySchema);
