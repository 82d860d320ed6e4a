import {
  and,
  arrayContains,
  asc,
  eq,
  inArray,
  isNull,
  notInArray,
  or,
  type SQL,
} from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { newId, type Executor } from '@okno/db';
import { catalogueOffices, services } from '@okno/db/catalogue';
import type { OfficeContent } from '../model/office';
import type { Author } from './publication';

export type OfficeRow = typeof catalogueOffices.$inferSelect;

export interface OfficeFilters {
  kind?: string | undefined;
  agency?: string | undefined;
  channel?: string | undefined;
  /** Offices where this service is offered (offices offering everything included). */
  service?: string | undefined;
  /** Offices of any of these channels. */
  channels?: readonly string[] | undefined;
}

/** Creates the office or replaces its description; a retired office described again reopens. */
export async function saveOffice(db: Executor, code: string, content: OfficeContent) {
  const values = {
    retiredAt: null,
    kind: content.kind,
    agencyCode: content.agencyCode,
    channel: content.channel,
    serviceCodes: content.services === 'all' ? null : [...content.services],
    content: content as unknown as Record<string, unknown>,
    updatedAt: new Date(),
  };
  await db
    .insert(catalogueOffices)
    .values({ id: newId(), code, ...values })
    .onConflictDoUpdate({ target: catalogueOffices.code, set: values });
}

export async function listOffices(db: Executor, f: OfficeFilters): Promise<OfficeRow[]> {
  const o = catalogueOffices;
  // A closed office is nowhere to apply or collect: never listed.
  const where: (SQL | undefined)[] = [isNull(o.retiredAt)];
  if (f.kind) where.push(eq(o.kind, f.kind));
  if (f.agency) where.push(eq(o.agencyCode, f.agency));
  if (f.channel) where.push(eq(o.channel, f.channel));
  if (f.channels) where.push(or(...f.channels.map((c) => eq(o.channel, c))));
  if (f.service) where.push(or(isNull(o.serviceCodes), arrayContains(o.serviceCodes, [f.service])));
  return db
    .select()
    .from(o)
    .where(and(...where))
    .orderBy(asc(o.code));
}

export async function findOffice(db: Executor, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(catalogueOffices).where(eq(catalogueOffices.code, code));
  return row;
}

/** The office, locked until the transaction ends: a check and the write it guards stay one. */
export async function lockOffice(tx: Executor, code: string): Promise<OfficeRow | undefined> {
  const [row] = await tx
    .select()
    .from(catalogueOffices)
    .where(eq(catalogueOffices.code, code))
    .for('update');
  return row;
}

/** Each service code an office names that the catalogue lacks, with where it is named. */
export async function unknownOfficeServices(
  db: Executor,
  content: OfficeContent,
): Promise<{ pointer: string; code: string }[]> {
  const lists = { services: content.services, handsOut: content.handsOut ?? [] };
  const found: { pointer: string; code: string }[] = [];
  for (const [field, codes] of Object.entries(lists)) {
    if (codes === 'all') continue;
    for (const code of await unknownServiceCodes(db, codes)) {
      found.push({ pointer: `/${field}/${codes.indexOf(code)}`, code });
    }
  }
  return found;
}

/** Which of these service codes the catalogue does not have. */
export async function unknownServiceCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const known = await db
    .select({ code: services.code })
    .from(services)
    .where(inArray(services.code, [...codes]));
  const knownCodes = new Set(known.map((r) => r.code));
  return codes.filter((c) => !knownCodes.has(c));
}

/** Open offices whose codes are not kept (a region pack's import: offices it no longer lists). */
export async function openOfficesExcept(db: Executor, keep: readonly string[]) {
  return db
    .select({ code: catalogueOffices.code })
    .from(catalogueOffices)
    .where(and(isNull(catalogueOffices.retiredAt), notInArray(catalogueOffices.code, [...keep])))
    .orderBy(asc(catalogueOffices.code));
}

/** Closes an open office: no longer listed or chosen; applications that name it keep it. */
export async function retireOffice(tx: Executor, code: string, author: Author): Promise<boolean> {
  const [retired] = await tx
    .update(catalogueOffices)
    .set({ retiredAt: new Date(), updatedAt: new Date() })
    .where(and(eq(catalogueOffices.code, code), isNull(catalogueOffices.retiredAt)))
    .returning({ code: catalogueOffices.code });
  if (!retired) return false;
  await recordAudit(tx, {
    kind: 'catalogue-office-retired',
    ...actorOf(author.principal, author.requestId),
    target: code,
    details: { ...(author.import && { import: true }) },
  });
  return true;
}
