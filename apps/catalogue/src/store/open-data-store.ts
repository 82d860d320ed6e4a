import { and, asc, count, eq, gt, max, ne, sql } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { catalogueOffices, serviceVersions } from '@okno/db/catalogue';
import type { PublishedService } from '../model/open-data';
import type { ServiceContent } from '../model/service-content';

/** When the published catalogue last changed (a publication or retirement), and its size. */
export async function publishedCatalogueState(db: Executor) {
  const v = serviceVersions;
  const [row] = await db
    .select({
      changedAt: max(sql<Date>`greatest(${v.publishedAt}, ${v.retiredAt})`).mapWith(v.publishedAt),
      services: count(sql`case when ${v.status} = 'published' then 1 end`),
    })
    .from(v)
    .where(ne(v.status, 'draft'));
  return { changedAt: row?.changedAt ?? null, records: row?.services ?? 0 };
}

/** When an office was last saved, and how many there are. */
export async function officesState(db: Executor) {
  const o = catalogueOffices;
  const [row] = await db.select({ changedAt: max(o.updatedAt), records: count() }).from(o);
  return { changedAt: row?.changedAt ?? null, records: row?.records ?? 0 };
}

/**
 * Every published service in code order, a batch at a time, so that exporting a catalogue
 * of tens of thousands never holds it all in memory. Deliberately not one transaction: on the
 * embedded database that would hold its only connection for the whole download; a
 * publication during an export shows at most that one service at its newer version.
 */
export async function* publishedServices(
  db: Executor,
  batchSize = 500,
): AsyncGenerator<PublishedService[]> {
  const v = serviceVersions;
  let after = '';
  for (;;) {
    const rows = await db
      .select({
        code: v.serviceCode,
        version: v.version,
        publishedAt: v.publishedAt,
        content: v.content,
      })
      .from(v)
      .where(and(eq(v.status, 'published'), gt(v.serviceCode, after)))
      .orderBy(asc(v.serviceCode))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      code: r.code,
      version: r.version ?? 0,
      publishedAt: r.publishedAt ?? new Date(0),
      // Written by this service from parsed content only.
      content: r.content as unknown as ServiceContent,
    }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.code;
  }
}
