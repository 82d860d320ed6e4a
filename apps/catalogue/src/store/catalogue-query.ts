import { and, arrayContains, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@okno/db';
import { serviceVersions } from '@okno/db/catalogue';
import { loosenQuery } from '../model/search-query';
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

type SearchPage = { limit: number; offset: number };

/**
 * Published services matching a query in Russian or English, best first: services whose text
 * holds the query's stems, ranked (the title weighs most); then, when those do not fill the
 * page, services the stems' prefixes find (see `loosenQuery`), ranked after them.
 */
export async function searchPublished(
  db: Executor,
  query: string,
  filters: CatalogueFilters,
  page: SearchPage,
) {
  const exact = sql`websearch_to_tsquery('russian', ${query})`;
  const wanted = page.limit + 1;
  const first = await rankedMatches(db, exact, filters, { limit: wanted, offset: page.offset });
  if (first.length === wanted) return first;

  const [{ tree } = { tree: '' }] = await queryRows<{ tree: string }>(
    db,
    sql`select ${exact}::text as tree`,
  );
  const loose = loosenQuery(tree);
  if (!loose) return first;
  // Where the exact matches end: on this page, or (an empty page past them) counted.
  const exactCount =
    first.length > 0 || page.offset === 0
      ? page.offset + first.length
      : await countMatches(db, exact, filters);
  const rest = await rankedMatches(
    db,
    sql`${loose}::tsquery`,
    filters,
    { limit: wanted - first.length, offset: Math.max(0, page.offset - exactCount) },
    exact,
  );
  return [...first, ...rest];
}

/**
 * Ranks the matches by id alone, then reads the page's summaries: a broad query ("паспорт")
 * matches thousands of rows, and sorting narrow rows then reading twenty wide ones is faster
 * than sorting thousands of wide ones.
 */
function rankedMatches(
  db: Executor,
  tsquery: SQL,
  filters: CatalogueFilters,
  page: SearchPage,
  except?: SQL,
) {
  const v = serviceVersions;
  const where = [...filterConditions(filters), sql`${v.search} @@ ${tsquery}`];
  if (except) where.push(sql`not (${v.search} @@ ${except})`);
  const top = db
    .select({
      id: v.id,
      code: v.serviceCode,
      rank: sql<number>`ts_rank(${v.search}, ${tsquery})`.as('rank'),
    })
    .from(v)
    .where(and(...where))
    .orderBy(sql`rank desc`, asc(v.serviceCode))
    .limit(page.limit)
    .offset(page.offset)
    .as('top');
  return db
    .select({ ...summaryColumns, rank: top.rank })
    .from(top)
    .innerJoin(v, eq(v.id, top.id))
    .orderBy(desc(top.rank), asc(top.code));
}

async function countMatches(db: Executor, tsquery: SQL, filters: CatalogueFilters) {
  const v = serviceVersions;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(v)
    .where(and(...filterConditions(filters), sql`${v.search} @@ ${tsquery}`));
  return row?.count ?? 0;
}
