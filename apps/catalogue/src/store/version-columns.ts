import { sql } from 'drizzle-orm';
import type { serviceVersions } from '@okno/db/catalogue';
import { searchText } from '../model/search-text';
import type { ServiceContent } from '../model/service-content';

const tsv = (config: 'russian' | 'english', text: { title: string; body: string }) =>
  sql`setweight(to_tsvector(${sql.raw(`'${config}'`)}, ${text.title}), 'A') || setweight(to_tsvector(${sql.raw(`'${config}'`)}, ${text.body}), 'B')`;

/** A version's row as derived from its content: filters and search columns included. */
export function versionColumns(content: ServiceContent) {
  return {
    content: content as unknown as Record<string, unknown>,
    level: content.level,
    federalCode: content.federalCode ?? null,
    agencyCode: content.agencyCode,
    title: content.title,
    categories: [...content.categories],
    lifeSituations: [...content.lifeSituations],
    requestChannels: [...content.requestChannels],
    resultChannels: [...content.resultChannels],
    applicantTypes: [...content.applicantTypes],
    hasFee: content.fees.length > 0,
    searchRu: tsv('russian', searchText(content, 'ru')),
    searchEn: tsv('english', searchText(content, 'en')),
  } satisfies Partial<Record<keyof typeof serviceVersions.$inferInsert, unknown>>;
}
