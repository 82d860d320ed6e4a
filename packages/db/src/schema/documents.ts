import { bigint, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const documentsSchema = pgSchema('documents');

/** A document in an applicant's wallet. Storage and uploads arrive with the documents issue. */
export const documents = documentsSchema.table(
  'documents',
  {
    id: uuid('id').primaryKey(),
    ownerSub: text('owner_sub').notNull(),
    title: text('title').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_owner_idx').on(t.ownerSub, t.id)],
);

export const documentsOutbox = outboxTable(documentsSchema);
export const documentsProcessedEvents = processedEventsTable(documentsSchema);
export const documentsIdempotencyKeys = idempotencyKeysTable(documentsSchema);
