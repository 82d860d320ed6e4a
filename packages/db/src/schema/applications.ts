import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const applicationsSchema = pgSchema('applications');

export const channels = ['portal', 'mfc', 'post', 'mobile'] as const;
export type Channel = (typeof channels)[number];

/**
 * An application for a public service, from whichever door it came through. Personal data
 * (the form, the applicant's particulars) is sealed with the node's data keys; the columns
 * are what queues, deadlines and access checks need.
 */
export const applications = applicationsSchema.table(
  'applications',
  {
    id: uuid('id').primaryKey(),
    /** For people: `KEM-2026-0001234`, given at submission. */
    number: text('number'),
    /** The catalogue version it is filed under (catalogue context; no cross-schema key). */
    serviceCode: text('service_code').notNull(),
    serviceVersionId: uuid('service_version_id').notNull(),
    serviceVersion: integer('service_version').notNull(),
    /** The agency that decides it: whose officers see it. */
    agencyCode: text('agency_code').notNull(),
    applicantType: text('applicant_type').$type<'citizen' | 'business'>().notNull(),
    /** The applicant's account, when they have one; who may read it on the portal. */
    applicantSubject: text('applicant_subject'),
    /** A business applicant's company (the representative's `company` claim). */
    company: text('company'),
    channel: text('channel').$type<Channel>().notNull(),
    /** The applicant's language (ru, en): letters and the result document are written in it. */
    language: text('language').$type<'ru' | 'en'>().notNull().default('ru'),
    /** Who took it in: the applicant on the portal, the officer or partner system elsewhere. */
    intakeBy: text('intake_by'),
    /** Where it was taken in (an MFC, a post office, a mobile office); null on the portal. */
    officeCode: text('office_code'),
    /** Where the applicant collects the result; null for a result delivered on the portal. */
    collectOfficeCode: text('collect_office_code'),
    /** A mobile office's visit (its date) at which the result is handed over. */
    collectVisitOn: date('collect_visit_on', { mode: 'string' }),
    status: text('status').notNull(),
    /** The applicant's particulars and form data, sealed (AES-256-GCM, bound to the id). */
    sealed: text('sealed').notNull(),
    /** Who checked the applicant's identity in person, with what, and when (counters). */
    identityCheck: jsonb('identity_check').$type<Record<string, unknown>>(),
    decision: jsonb('decision').$type<{ outcome: 'approved' | 'refused'; reason?: string }>(),
    assignedTo: text('assigned_to'),
    /** The fees due for the service (kopecks, from the catalogue at submission) and paid. */
    feeDueMinor: integer('fee_due_minor').notNull().default(0),
    feePaidMinor: integer('fee_paid_minor').notNull().default(0),
    feePaidAt: timestamp('fee_paid_at', { withTimezone: true }),
    // The legal clock (apps/applications/src/model/deadline.ts), in the region's calendar.
    termWorkingDays: integer('term_working_days').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }),
    pausedWorkingDays: integer('paused_working_days').notNull().default(0),
    pausedOn: date('paused_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    deadlineState: text('deadline_state').$type<'on-time' | 'near' | 'breached'>(),
    /** Bumped on every change: the ETag, and what If-Match is checked against. */
    revision: integer('revision').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_number_idx').on(t.number),
    index('applications_applicant_idx').on(t.applicantSubject, t.id),
    index('applications_company_idx').on(t.company, t.id),
    index('applications_agency_queue_idx').on(t.agencyCode, t.status, t.dueOn),
    index('applications_office_queue_idx').on(t.officeCode, t.status),
    index('applications_collect_idx').on(t.collectOfficeCode, t.status),
  ],
);

/** Every step an application took: who, when, through which channel and office, and why. */
export const applicationTransitions = applicationsSchema.table(
  'transitions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    step: text('step').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorRoles: text('actor_roles').array().notNull(),
    channel: text('channel').$type<Channel>(),
    officeCode: text('office_code'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transitions_application_idx').on(t.applicationId, t.at)],
);

/**
 * The last number given per prefix and year. Taken with the submission's transaction, so a
 * rolled-back submission gives its number back and the sequence has no gaps.
 */
export const applicationNumbers = applicationsSchema.table(
  'number_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * How the applicant rated the service, once, after the result was issued: the score and who
 * served them, so ratings aggregate per service, office and officer.
 */
export const applicationRatings = applicationsSchema.table(
  'ratings',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    score: integer('score').notNull(),
    comment: text('comment'),
    serviceCode: text('service_code').notNull(),
    agencyCode: text('agency_code').notNull(),
    /** The office that took it in, and the one that handed the result out. */
    officeCode: text('office_code'),
    collectOfficeCode: text('collect_office_code'),
    /** The officer who decided it. */
    decidedBy: text('decided_by'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ratings_score_range', sql`score between 1 and 5`),
    index('ratings_service_idx').on(t.serviceCode),
    index('ratings_agency_idx').on(t.agencyCode),
  ],
);

/**
 * Officers' internal comments on an application: the agency's and the offices' working notes,
 * never shown to the applicant.
 */
export const applicationComments = applicationsSchema.table(
  'comments',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    authorSubject: text('author_subject').notNull(),
    authorAgency: text('author_agency'),
    authorOffice: text('author_office'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_application_idx').on(t.applicationId, t.createdAt)],
);

/** Russian and English text, as the catalogue gives it. */
type Localized = { ru: string; en: string };

/**
 * An inter-agency request for a document the state already holds (the once-only rule): one per
 * registry document of the service, opened at registration, sent through a registry connector
 * (an extension point) and retried with backoff until it is answered or finally fails.
 */
export const applicationRegistryRequests = applicationsSchema.table(
  'registry_requests',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    documentCode: text('document_code').notNull(),
    documentTitle: jsonb('document_title').$type<Localized>().notNull(),
    registry: text('registry').notNull(),
    dataAsked: jsonb('data_asked').$type<Localized>().notNull(),
    /** The law that entitles the agency to ask, as sent with the request. */
    legalBasis: jsonb('legal_basis').$type<Localized>().notNull(),
    status: text('status').$type<'open' | 'answered' | 'failed'>().notNull(),
    /** 1 on the first send; one more after each failure that is retried. */
    attempt: integer('attempt').notNull().default(1),
    /** When it is next due to be sent or asked after (while a sender works on it: its lease). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    firstSentAt: timestamp('first_sent_at', { withTimezone: true }),
    connectorId: text('connector_id'),
    lastError: text('last_error'),
    /** The registry's answer, sealed (AES-256-GCM, bound to the request id). */
    answer: text('answer'),
    answerReference: text('answer_reference'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registry_requests_document_idx').on(t.applicationId, t.documentCode),
    index('registry_requests_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'open'`),
  ],
);

export const applicationsOutbox = outboxTable(applicationsSchema);
export const applicationsProcessedEvents = processedEventsTable(applicationsSchema);
export const applicationsIdempotencyKeys = idempotencyKeysTable(applicationsSchema);
