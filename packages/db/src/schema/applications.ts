import { index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const applicationsSchema = pgSchema('applications');

export const channels = ['portal', 'mfc', 'post', 'mobile'] as const;
export type Channel = (typeof channels)[number];

/** An application for a public service. The full lifecycle arrives with the applications issue. */
export const applications = applicationsSchema.table(
  'applications',
  {
    id: uuid('id').primaryKey(),
    /** The catalogue service it was filed for (catalogue context; no cross-context foreign key). */
    serviceId: uuid('service_id').notNull(),
    /** The applicant's subject in the identity provider. */
    applicantSub: text('applicant_sub').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    status: text('status').notNull(),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('applications_applicant_idx').on(t.applicantSub, t.id)],
);

export const applicationsOutbox = outboxTable(applicationsSchema);
export const applicationsProcessedEvents = processedEventsTable(applicationsSchema);
export const applicationsIdempotencyKeys = idempotencyKeysTable(applicationsSchema);
