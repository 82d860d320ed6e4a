import { and, arrayContains, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@okno/db';
import { serviceVersions } from '@okno/db/catalogue';
import { prefixQuery, queryWords } from '../model/search-query';
import type { ApplicantType, Channel, ServiceLevel } from '../model/vocabulary';

export interface CatalogueFilters {
  level?: ServiceLevel | undefined;
  agency?: string | undefined;
  category?: string | undefined;
  lifeSituation?: string | undefined;
  channel?: Channel | undefined;
  applicantType?: ApplicantType | undefined;
  fee?: 'free' | 'paid' | undefined;
}

function filterConditions(f: CatalogueFilters): SQL[] {
  const v = serviceVersions;
  const where: SQL[] = [eq(v.status, 'published')];
  if (f.level) where.push(eq(v.level, f.level));
  if (f.agency) where.push(eq(v.agencyCode, f.agency));
  if (f.category) where.push(arrayContains(v.categories, [f.category]));
  if (f.lifeSituation) where.push(arrayContains(v.lifeSituations, [f.lifeSituation]));
  if (f.channel) where.push(arrayContains(v.requestChannels, [f.channel]));
  if (f.applicantType) where.push(arrayContains(v.applicantTypes, [f.applicantType]));
  if (f.fee) where.push(eq(v.hasFee, f.fee === 'paid'));
  return where;
}

const summaryColumns = {
  code: serviceVersions.serviceCode,
  version: serviceVersions.version,
  level: serviceVersions.level,
  federalCode: serviceVersions.federalCode,
  agencyCode: serviceVersions.agencyCode,
  title: serviceVersions.title,
  categories: serviceVersions.categories,
  lifeSituations: serviceVersions.lifeSituations,
  requestChannels: serviceVersions.requestChannels,
  applicantTypes: serviceVersions.applicantTypes,
  hasFee: serviceVersions.hasFee,
};

/** Published services in code order, one keyset page at a time. */
export async function listPublished(
  db: Executor,
  filters: CatalogueFilters,
  page: { limit: number; after?: string | undefined },
) {
  const where = filterConditions(filters);
  if (page.after) where.push(gt(serviceVersions.serviceCode, page.after));
  return db
    .select(summaryColumns)
    .from(serviceVersions)
    .where(and(...where))
    .orderBy(asc(serviceVersions.serviceCode))
    .limit(page.limit + 1);
}

/**
 * Published services matching a query in Russian or English, best first: exact stems (the
 * title weighs most), then Russian stems as prefixes, which catch inflections the stemmer
 * leaves apart.
 */
export async function searchPublished(
  db: Executor,
  query: string,
  filters: CatalogueFilters,
  page: { limit: number; offset: number },
) {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const stems = await queryRows<{ stem: string | null }>(
    db,
    sql`select (ts_lexize('russian_stem', w))[1] as stem from unnest(${sql.param(words)}::text[]) as w`,
  );
  const prefixes = prefixQuery(stems.flatMap((r) => (r.stem ? [r.stem] : [])));
  const ru = sql`websearch_to_tsquery('russian', ${query})`;
  const en = sql`websearch_to_tsquery('english', ${query})`;
  const loose = prefixes ? sql`to_tsquery('simple', ${prefixes})` : sql`''::tsquery`;
  const v = serviceVersions;
  const rank = sql<number>`(2 * ts_rank(${v.searchRu}, ${ru}) + 2 * ts_rank(${v.searchEn}, ${en}) + ts_rank(${v.searchRu}, ${loose}))`;
  return db
    .select({ ...summaryColumns, rank })
    .from(v)
    .where(
      and(
        ...filterConditions(filters),
        sql`(${v.searchRu} @@ ${ru} or ${v.searchEn} @@ ${en} or ${v.searchRu} @@ ${loose})`,
      ),
    )
    .orderBy(sql`${rank} desc`, asc(v.serviceCode))
    .limit(page.limit + 1)
    .offset(page.offset);
}
