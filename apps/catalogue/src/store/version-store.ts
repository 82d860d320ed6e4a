import { and, eq, inArray, max } from 'drizzle-orm';
import { newId, type Executor } from '@okno/db';
import { services, serviceVersions } from '@okno/db/catalogue';
import type { ServiceContent } from '../model/service-content';
import { versionColumns } from './version-columns';

export type ServiceRow = typeof services.$inferSelect;
export type VersionRow = typeof serviceVersions.$inferSelect;

export async function findService(db: Executor, code: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.code, code));
  return row;
}

export async function findVersion(
  db: Executor,
  serviceId: string,
  status: 'draft' | 'published',
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceVersions)
    .where(and(eq(serviceVersions.serviceId, serviceId), eq(serviceVersions.status, status)));
  return row;
}

export async function findNumberedVersion(
  db: Executor,
  code: string,
  version: number,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceVersions)
    .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)));
  return row;
}

/** A new service with its first draft. */
export async function createService(
  tx: Executor,
  code: string,
  content: ServiceContent,
  actor: string,
): Promise<{ service: ServiceRow; draft: VersionRow }> {
  const [service] = await tx
    .insert(services)
    .values({ id: newId(), code, agencyCode: content.agencyCode })
    .returning();
  if (!service) throw new Error('service insert returned nothing');
  return { service, draft: await saveDraft(tx, service, content, actor) };
}

/** Creates the service's draft, or replaces the one there is. */
export async function saveDraft(
  tx: Executor,
  service: ServiceRow,
  content: ServiceContent,
  actor: string,
): Promise<VersionRow> {
  const columns = versionColumns(content);
  const existing = await findVersion(tx, service.id, 'draft');
  const [row] = existing
    ? await tx
        .update(serviceVersions)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(serviceVersions.id, existing.id))
        .returning()
    : await tx
        .insert(serviceVersions)
        .values({
          id: newId(),
          serviceId: service.id,
          serviceCode: service.code,
          status: 'draft',
          createdBy: actor,
          ...columns,
        })
        .returning();
  if (!row) throw new Error('draft upsert returned nothing');
  return row;
}

/** The draft becomes the published version (numbered next); the one it supersedes retires. */
export async function publishDraft(
  tx: Executor,
  service: ServiceRow,
  draft: VersionRow,
  actor: string,
): Promise<VersionRow> {
  const now = new Date();
  await tx
    .update(serviceVersions)
    .set({ status: 'retired', retiredAt: now })
    .where(and(eq(serviceVersions.serviceId, service.id), eq(serviceVersions.status, 'published')));
  const [last] = await tx
    .select({ version: max(serviceVersions.version) })
    .from(serviceVersions)
    .where(eq(serviceVersions.serviceId, service.id));
  const [published] = await tx
    .update(serviceVersions)
    .set({
      status: 'published',
      version: (last?.version ?? 0) + 1,
      publishedBy: actor,
      publishedAt: now,
      updatedAt: now,
    })
    .where(eq(serviceVersions.id, draft.id))
    .returning();
  if (!published) throw new Error('publish returned nothing');
  return published;
}

/**
 * Withdraws the service from the catalogue: its published version retires. Returns that
 * version's number, or undefined if nothing was published.
 */
export async function retirePublished(
  tx: Executor,
  service: ServiceRow,
): Promise<number | undefined> {
  const [retired] = await tx
    .update(serviceVersions)
    .set({ status: 'retired', retiredAt: new Date() })
    .where(and(eq(serviceVersions.serviceId, service.id), eq(serviceVersions.status, 'published')))
    .returning({ version: serviceVersions.version });
  return retired ? (retired.version ?? 0) : undefined;
}

/** The services with these codes, by code. */
export async function findServices(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, ServiceRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(services)
    .where(inArray(services.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The published versions of the services with these codes, by code. */
export async function findPublished(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, VersionRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(serviceVersions)
    .where(
      and(
        inArray(serviceVersions.serviceCode, [...codes]),
        eq(serviceVersions.status, 'published'),
      ),
    );
  return new Map(rows.map((r) => [r.serviceCode, r]));
}

/**
 * New services, each published at once as version 1, in two statements however many (a
 * region pack's import brings thousands). Returns the published versions, in order.
 */
export async function publishNewServices(
  tx: Executor,
  items: readonly { code: string; content: ServiceContent }[],
  actor: string,
): Promise<VersionRow[]> {
  if (items.length === 0) return [];
  const now = new Date();
  const rows = await tx
    .insert(services)
    .values(items.map((s) => ({ id: newId(), code: s.code, agencyCode: s.content.agencyCode })))
    .returning();
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  return tx
    .insert(serviceVersions)
    .values(
      items.map((s) => ({
        id: newId(),
        serviceId: ids.get(s.code)!,
        serviceCode: s.code,
        version: 1,
        status: 'published' as const,
        createdBy: actor,
        publishedBy: actor,
        publishedAt: now,
        ...versionColumns(s.content),
      })),
    )
    .returning();
}
