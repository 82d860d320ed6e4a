import { index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';
import type { LocalizedText } from './localized';

export const catalogueSchema = pgSchema('catalogue');

export const serviceLevels = ['federal', 'regional', 'municipal'] as const;
export type ServiceLevel = (typeof serviceLevels)[number];

/** A public service the region offers. Versioning and forms arrive with the catalogue issue. */
export const services = catalogueSchema.table(
  'services',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    level: text('level').$type<ServiceLevel>().notNull(),
    /** The stable federal code, the same in every region; only for federal services. */
    federalCode: text('federal_code'),
    /** The responsible agency's code (identity context; no cross-context foreign key). */
    agencyCode: text('agency_code').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('services_agency_idx').on(t.agencyCode)],
);

export const catalogueOutbox = outboxTable(catalogueSchema);
export const catalogueProcessedEvents = processedEventsTable(catalogueSchema);
export const catalogueIdempotencyKeys = idempotencyKeysTable(catalogueSchema);
