import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idempotencyKeysTable, outboxTable, processedEventsTable } from '../tables';
import type { LocalizedText } from './localized';

export const catalogueSchema = pgSchema('catalogue');

export const serviceLevels = ['federal', 'regional', 'municipal'] as const;
export type ServiceLevel = (typeof serviceLevels)[number];

export const versionStatuses = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The region's agencies: each service and office is the responsibility of one, and each
 * officer belongs to one. The catalogue owns them, as the region's public register of who
 * offers what where; identity reads them through the catalogue's API. An agency is retired,
 * never deleted: applications and payments name it for years.
 */
export const agencies = catalogueSchema.table('agencies', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** A public service the region offers: its stable identity. What it says lives in versions. */
export const services = catalogueSchema.table('services', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  /** The responsible agency's code (identity context; no cross-context foreign key). */
  agencyCode: text('agency_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One version of a service: a draft being edited, the published one, or a retired one that
 * applications filed under it still refer to. A published version never changes.
 */
export const serviceVersions = catalogueSchema.table(
  'service_versions',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    serviceCode: text('service_code').notNull(),
    /** Numbered at publication: 1, 2, ...; null while a draft. */
    version: integer('version'),
    status: text('status').$type<VersionStatus>().notNull(),
    /** The whole content, as the catalogue's model describes it. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    // Denormalised from the content, for filters and sorting without reading the JSON.
    level: text('level').$type<ServiceLevel>().notNull(),
    federalCode: text('federal_code'),
    agencyCode: text('agency_code').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    categories: text('categories').array().notNull(),
    lifeSituations: text('life_situations').array().notNull(),
    requestChannels: text('request_channels').array().notNull(),
    resultChannels: text('result_channels').array().notNull(),
    applicantTypes: text('applicant_types').array().notNull(),
    hasFee: boolean('has_fee').notNull(),
    /**
     * Stemmed text, Russian and English together, of the title (weight A) and the rest
     * (weight B). PostgreSQL's `russian` configuration stems Cyrillic words as Russian and
     * Latin ones as English, so one vector and one index serve both languages.
     */
    search: tsvector('search').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('service_versions_number_idx').on(t.serviceId, t.version),
    // At most one draft and one published version of a service at a time.
    uniqueIndex('service_versions_one_draft_idx')
      .on(t.serviceId)
      .where(sql`status = 'draft'`),
    uniqueIndex('service_versions_one_published_idx')
      .on(t.serviceId)
      .where(sql`status = 'published'`),
    index('service_versions_published_code_idx')
      .on(t.serviceCode)
      .where(sql`status = 'published'`),
    // Publication is rare and search is hot: without the pending list (fastupdate) every
    // search reads only the index proper, even right after a bulk import.
    index('service_versions_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('service_versions_categories_idx').using('gin', t.categories),
    index('service_versions_life_situations_idx').using('gin', t.lifeSituations),
  ],
);

/**
 * Where residents apply and collect results: MFCs, post offices acting as access points,
 * agencies' own offices, mobile offices with their route. `content` holds the whole published
 * description (hours, route); the columns are for filtering.
 */
export const catalogueOffices = catalogueSchema.table(
  'offices',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    agencyCode: text('agency_code').notNull(),
    channel: text('channel').notNull(),
    /** Service codes offered here; null when the office offers the whole catalogue. */
    serviceCodes: text('service_codes').array(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Closed: no longer listed, chosen or worked at; kept for the applications that name it. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('offices_service_codes_idx').using('gin', t.serviceCodes)],
);

export const catalogueOutbox = outboxTable(catalogueSchema);
export const catalogueProcessedEvents = processedEventsTable(catalogueSchema);
export const catalogueIdempotencyKeys = idempotencyKeysTable(catalogueSchema);
