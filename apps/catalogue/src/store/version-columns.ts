import { sql } from 'drizzle-orm';
import type { serviceVersions } from '@okno/db/catalogue';
import { searchText } from '../model/search-text';
import type { ServiceContent } from '../model/service-content';

/**
 * The search vector of a version: the title at weight A, the rest at B, both languages in one
 * vector (the `russian` configuration stems Latin words as English).
 */
function searchVector(content: ServiceContent) {
  const ru = searchText(content, 'ru');
  const en = searchText(content, 'en');
  const title = `${ru.title}. ${en.title}`;
  const body = `${ru.body}. ${en.body}`;
  return sql`setweight(to_tsvector('russian', ${title}), 'A') || setweight(to_tsvector('russian', ${body}), 'B')`;
}

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
    search: searchVector(content),
  } satisfies Partial<Record<keyof typeof serviceVersions.$inferInsert, unknown>>;
}
