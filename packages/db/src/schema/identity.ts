import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';

export const identitySchema = pgSchema('identity');

/**
 * The staff directory: who works where, with which roles. Keyed by the token subject, so a
 * signed-in officer is found by their token alone.
 */
export const staffMembers = identitySchema.table(
  'staff_members',
  {
    id: uuid('id').primaryKey(),
    subject: text('subject').notNull().unique(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    agencyCode: text('agency_code'),
    officeCode: text('office_code'),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_members_agency_idx').on(t.agencyCode)],
);

/**
 * The people the embedded OpenID provider signs in: development only (a production node's
 * people are the region Keycloak's). Written by the staff import and the demo data, read by
 * the provider at every sign-in, so an imported person signs in at once.
 */
export const embeddedAccounts = identitySchema.table('embedded_accounts', {
  subject: text('subject').primaryKey(),
  username: text('username').notNull().unique(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email'),
  roles: text('roles').array().notNull(),
  agency: text('agency'),
  office: text('office'),
  company: text('company'),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const partnerKinds = ['post', 'bank', 'cash-desk', 'mobile-sync', 'federal-hub'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** Partner systems that call the node with client credentials, and what they may do. */
export const partnerChannels = identitySchema.table('partner_channels', {
  id: uuid('id').primaryKey(),
  clientId: text('client_id').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<PartnerKind>().notNull(),
  roles: text('roles').array().notNull(),
  contact: text('contact'),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A citizen's own profile, linked to their token subject. Everything personal is one
 * AES-256-GCM ciphertext (`personal_data`, bound to the subject), so a database dump, a
 * backup or a replica shows no names, dates or numbers.
 */
export const citizenProfiles = identitySchema.table('citizen_profiles', {
  id: uuid('id').primaryKey(),
  subject: text('subject').notNull().unique(),
  personalData: text('personal_data').notNull(),
  /** Optimistic concurrency: a change names the version it was made from. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Append-only: rows are inserted and read, never updated or deleted. */
export const auditEvents = identitySchema.table(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    actorSubject: text('actor_subject'),
    actorUsername: text('actor_username'),
    /** What the event is about: a person's subject, a partner's client id, a path. */
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_kind_idx').on(t.kind, t.id),
    index('audit_events_actor_idx').on(t.actorSubject, t.id),
    index('audit_events_occurred_idx').on(t.occurredAt),
  ],
);

/**
 * The hash chains sealing the audit trail, one per bounded context: link `seq` holds the
 * SHA-256 of link `seq - 1` and its event (see @okno/audit chain.ts). Append-only by trigger.
 */
export const auditChain = identitySchema.table(
  'audit_chain',
  {
    context: text('context').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id')
      .notNull()
      .unique()
      .references(() => auditEvents.id),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.context, t.seq] }),
    index('audit_chain_sealed_idx').on(t.sealedAt),
  ],
);

/** Signed statements that a chain reached a link with a hash (compact JWS). Append-only. */
export const auditCheckpoints = identitySchema.table(
  'audit_checkpoints',
  {
    context: text('context').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    jws: text('jws').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.context, t.seq] })],
);

export const identityOutbox = outboxTable(identitySchema);
export const identityProcessedEvents = processedEventsTable(identitySchema);
export const identityIdempotencyKeys = idempotencyKeysTable(identitySchema);
