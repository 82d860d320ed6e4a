import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const documentsSchema = pgSchema('documents');

export const documentKinds = ['uploaded', 'issued'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * A document in an applicant's wallet: one they uploaded, or one the node issued them (the
 * result of an application). The bytes are in object storage under `storage_key`, a key the
 * server made; the row is written only once the bytes are stored whole, inspected and scanned.
 */
export const documents = documentsSchema.table(
  'documents',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<DocumentKind>().notNull().default('uploaded'),
    /** The wallet it is in; null for a result issued to an applicant without an account. */
    ownerSub: text('owner_sub'),
    title: text('title').notNull(),
    /** A name for saving it, made safe from what the uploader sent (or from the title). */
    fileName: text('file_name').notNull().default('document'),
    /** Decided from the content (magic bytes), never from the name or the declared type. */
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** `clean` with the scanner's id, or `not-scanned` on a development node without one. */
    scan: text('scan').notNull(),
    /** For an issued result: the application it decides. */
    applicationId: uuid('application_id'),
    /** For an issued result: the detached JWS over its SHA-256, by the node's signing key. */
    signature: text('signature'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_owner_idx').on(t.ownerSub, t.id),
    index('documents_application_idx').on(t.applicationId),
    // One standing result per application: a redelivered decision issues nothing new.
    uniqueIndex('documents_standing_result_idx')
      .on(t.applicationId)
      .where(sql`${t.kind} = 'issued' and ${t.revokedAt} is null`),
  ],
);

/**
 * A wallet document attached to an application. The application's agency and applicant are
 * copied here when it is attached (the applications service confirmed them), so access checks
 * on reads need no call to another service.
 */
export const attachments = documentsSchema.table(
  'attachments',
  {
    applicationId: uuid('application_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    agencyCode: text('agency_code').notNull(),
    /** The applicant's account; null for a result issued to an applicant without one. */
    applicantSub: text('applicant_sub'),
    /** The catalogue's document code it answers, when the applicant said. */
    purpose: text('purpose'),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.documentId] }),
    index('attachments_document_idx').on(t.documentId),
  ],
);

/**
 * Uploads under way: written before the first byte goes to storage and removed when the
 * document is recorded or the upload refused. A row left by a crash names an object nobody
 * owns; the orphan sweep removes the object and the row.
 */
export const pendingUploads = documentsSchema.table('pending_uploads', {
  storageKey: text('storage_key').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});

export const documentsOutbox = outboxTable(documentsSchema);
export const documentsProcessedEvents = processedEventsTable(documentsSchema);
export const documentsIdempotencyKeys = idempotencyKeysTable(documentsSchema);
