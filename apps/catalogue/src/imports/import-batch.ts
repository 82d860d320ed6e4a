import { isDeepStrictEqual } from 'node:util';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { agencies, serviceVersions } from '@okno/db/catalogue';
import type { FieldError } from '@okno/http';
import type { AgencyContent } from '../model/agency';
import { formErrors } from '../model/form-rules';
import { OfficeContent } from '../model/office';
import { ServiceContent } from '../model/service-content';
import { agencyProblems, retireAgency, saveAgency } from '../store/agency-store';
import {
  lockOffice,
  openOfficesExcept,
  retireOffice,
  saveOffice,
  unknownOfficeServices,
} from '../store/office-store';
import {
  announceOfficeSaved,
  announcePublished,
  announceRetired,
  type Author,
} from '../store/publication';
import {
  findPublished,
  findService,
  findServices,
  publishDraft,
  publishNewServices,
  retirePublished,
  saveDraft,
  type VersionRow,
} from '../store/version-store';

/** What an import did to one item. */
export type ImportOutcome = 'added' | 'changed' | 'unchanged' | 'retired';
export interface ImportResult {
  code: string;
  outcome: ImportOutcome;
}

/** A batch refused: each item's problem, as a field error under `/items/<i>`. */
export class ImportRefused extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`${errors.length} items refused`);
  }
}

const at = (i: number, pointer: string, message: string): FieldError => ({
  location: 'body',
  pointer: `/items/${i}${pointer}`,
  message,
});

/**
 * Each agency created or renamed as given; the same name again is unchanged. The writes of a
 * region pack's import go through the same store functions as an administrator's edits, so
 * they are audited and announced alike.
 */
export async function importAgencies(
  tx: Executor,
  items: { code: string; name: AgencyContent['name'] }[],
  author: Author,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const { code, name } of items) {
    const { outcome } = await saveAgency(tx, code, name, author);
    results.push({ code, outcome });
  }
  return results;
}

/**
 * What the same import brings in its earlier steps and a dry run has not added (it adds
 * nothing): references to these are taken as known.
 */
export interface Expected {
  agencies: ReadonlySet<string>;
  services: ReadonlySet<string>;
}
const nothingExpected: Expected = { agencies: new Set(), services: new Set() };

/** Why an agency code cannot be used, unless an earlier step of a dry run brings it. */
async function agencyProblem(tx: Executor, code: string, expected: Expected) {
  return expected.agencies.has(code) ? undefined : (await agencyProblems(tx, [code])).get(code);
}

/** Each office described as given; the same description again is unchanged. */
export async function importOffices(
  tx: Executor,
  items: { code: string; content: OfficeContent }[],
  author: Author,
  expected: Expected = nothingExpected,
): Promise<ImportResult[]> {
  const errors: FieldError[] = [];
  const results: ImportResult[] = [];
  for (const [i, { code, content }] of items.entries()) {
    const agency = await agencyProblem(tx, content.agencyCode, expected);
    if (agency) errors.push(at(i, '/content/agencyCode', agency));
    for (const { pointer, code: unknown } of await unknownOfficeServices(tx, content)) {
      if (expected.services.has(unknown)) continue;
      errors.push(at(i, `/content${pointer}`, `the catalogue has no service "${unknown}"`));
    }
    if (errors.length > 0) continue;
    const current = await lockOffice(tx, code);
    const open = current?.retiredAt === null;
    if (current && open && isDeepStrictEqual(OfficeContent.parse(current.content), content)) {
      results.push({ code, outcome: 'unchanged' });
      continue;
    }
    await saveOffice(tx, code, content);
    await announceOfficeSaved(tx, code, content, !current, author);
    results.push({ code, outcome: current ? 'changed' : 'added' });
  }
  if (errors.length > 0) throw new ImportRefused(errors);
  return results;
}

/**
 * Each service published as given: a new service as version 1, a changed one as its next
 * version (superseding the one before; an editor's unpublished draft is replaced), an
 * unchanged one left alone. A service never moves to another agency. New services go in
 * together, in a few statements, so that an import of thousands takes seconds.
 */
export async function importServices(
  tx: Executor,
  items: { code: string; content: ServiceContent }[],
  author: Author,
  expected: Expected = nothingExpected,
): Promise<ImportResult[]> {
  const errors: FieldError[] = [];
  const results: ImportResult[] = [];
  const actor = author.principal.subject;
  const codes = items.map((i) => i.code);
  const agencies = await agencyProblems(
    tx,
    items.map((i) => i.content.agencyCode).filter((code) => !expected.agencies.has(code)),
  );
  const existing = await findServices(tx, codes);
  const published = await findPublished(tx, codes);
  const fresh: typeof items = [];
  const changed: { version: VersionRow; content: ServiceContent }[] = [];
  for (const [i, { code, content }] of items.entries()) {
    const agency = agencies.get(content.agencyCode);
    if (agency) errors.push(at(i, '/content/agencyCode', agency));
    // Published at once, so held to what publishing a draft is held to.
    const form = formErrors(content);
    for (const e of form) errors.push(at(i, `/content${e.pointer}`, e.message));
    if (agency || form.length > 0) continue;
    const service = existing.get(code);
    if (!service) {
      fresh.push({ code, content });
      results.push({ code, outcome: 'added' });
      continue;
    }
    if (service.agencyCode !== content.agencyCode) {
      errors.push(
        at(
          i,
          '/content/agencyCode',
          `the service belongs to ${service.agencyCode}; it cannot move agency`,
        ),
      );
      continue;
    }
    const current = published.get(code);
    if (current && isDeepStrictEqual(ServiceContent.parse(current.content), content)) {
      results.push({ code, outcome: 'unchanged' });
      continue;
    }
    if (errors.length > 0) continue;
    const draft = await saveDraft(tx, service, content, actor);
    changed.push({ version: await publishDraft(tx, service, draft, actor), content });
    results.push({ code, outcome: 'changed' });
  }
  if (errors.length > 0) throw new ImportRefused(errors);
  const versions = await publishNewServices(tx, fresh, actor);
  await announcePublished(
    tx,
    [...changed, ...versions.map((version, i) => ({ version, content: fresh[i]!.content }))],
    author,
  );
  return results;
}

/**
 * What the pack no longer holds is retired, never deleted: published services whose code is
 * not kept, agencies (an agency still responsible for a published service stays), and
 * offices (closed: no longer listed or chosen).
 */
export async function retireMissing(
  tx: Executor,
  keep: { services: string[]; agencies: string[]; offices?: string[] | undefined },
  author: Author,
): Promise<{ services: ImportResult[]; agencies: ImportResult[]; offices: ImportResult[] }> {
  const gone = await tx
    .select({ code: serviceVersions.serviceCode })
    .from(serviceVersions)
    .where(
      and(
        eq(serviceVersions.status, 'published'),
        notInArray(serviceVersions.serviceCode, keep.services),
      ),
    );
  const services: ImportResult[] = [];
  for (const { code } of gone) {
    const service = await findService(tx, code);
    const version = service && (await retirePublished(tx, service));
    if (version === undefined || !service) continue;
    await announceRetired(tx, code, version, author);
    services.push({ code, outcome: 'retired' });
  }
  const stillResponsible = new Set(
    (
      await tx
        .selectDistinct({ agency: serviceVersions.agencyCode })
        .from(serviceVersions)
        .where(eq(serviceVersions.status, 'published'))
    ).map((r) => r.agency),
  );
  const unkept = await tx
    .select({ code: agencies.code, retiredAt: agencies.retiredAt })
    .from(agencies)
    .where(notInArray(agencies.code, keep.agencies));
  const retiredAgencies: ImportResult[] = [];
  for (const { code, retiredAt } of unkept) {
    if (retiredAt || stillResponsible.has(code)) continue;
    await retireAgency(tx, code, author);
    retiredAgencies.push({ code, outcome: 'retired' });
  }
  // Offices only when the import says which it keeps (older callers did not).
  const retiredOffices: ImportResult[] = [];
  if (keep.offices) {
    for (const { code } of await openOfficesExcept(tx, keep.offices)) {
      if (await retireOffice(tx, code, author)) retiredOffices.push({ code, outcome: 'retired' });
    }
  }
  return { services, agencies: retiredAgencies, offices: retiredOffices };
}
