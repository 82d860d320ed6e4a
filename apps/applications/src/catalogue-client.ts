import { z } from 'zod';
import type { ServiceCaller } from '@okno/http';

/**
 * What the applications service needs of a catalogue version: who decides, who may apply and
 * where, the term, the documents (the once-only rule), and the form. Read over the
 * catalogue's public API, never its tables.
 */
const Localized = z.object({ ru: z.string(), en: z.string() });

export const CatalogueVersion = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  content: z.object({
    agencyCode: z.string(),
    title: Localized,
    applicantTypes: z.array(z.enum(['citizen', 'business'])),
    requestChannels: z.array(z.string()),
    resultChannels: z.array(z.string()),
    deadlineWorkingDays: z.number().int().positive(),
    documents: z.array(
      z.object({
        code: z.string(),
        title: Localized,
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('applicant') }).passthrough(),
          z.object({ kind: z.literal('registry'), registry: z.string(), data: Localized }),
        ]),
      }),
    ),
    fees: z
      .array(
        z.object({
          applicantType: z.enum(['citizen', 'business', 'any']),
          amountMinor: z.number(),
          kbk: z.string(),
          title: z.object({ ru: z.string(), en: z.string() }),
        }),
      )
      .default([]),
    form: z.object({ schema: z.record(z.string(), z.unknown()) }),
  }),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;

/** An office as the applications service needs it: what it is, and a mobile office's visits. */
export const CatalogueOffice = z.object({
  code: z.string(),
  content: z.object({
    kind: z.string(),
    channel: z.string(),
    route: z.array(z.object({ date: z.iso.date() })).default([]),
  }),
});
export type CatalogueOffice = z.infer<typeof CatalogueOffice>;
const OfficeList = z.object({ items: z.array(CatalogueOffice) });

/** The offices where a service is requested and where its result is collected. */
export interface ServiceOffices {
  request: CatalogueOffice[];
  collect: CatalogueOffice[];
}

export interface CatalogueClient {
  /** The version of a service applications are filed under now; undefined if not published. */
  published(serviceCode: string): Promise<CatalogueVersion | undefined>;
  /** A numbered version (immutable, so kept once read). */
  version(serviceCode: string, version: number): Promise<CatalogueVersion | undefined>;
  /** Where the published service is requested and collected. */
  offices(serviceCode: string): Promise<ServiceOffices>;
  /** A numbered version if it has been read before; never calls the catalogue. */
  cachedVersion(serviceCode: string, version: number): CatalogueVersion | undefined;
}

/**
 * How long what the catalogue says of the present (the published version, the offices) is
 * taken as still true: as long as the catalogue's own response cache keeps it.
 */
const FRESH_MS = 10_000;

export function catalogueClient(callService: ServiceCaller): CatalogueClient {
  const versions = new Map<string, CatalogueVersion>();
  const recent = new Map<string, { until: number; value: Promise<unknown> }>();
  const fresh = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const held = recent.get(key);
    if (held && held.until > Date.now()) return held.value as Promise<T>;
    const value = load();
    recent.set(key, { until: Date.now() + FRESH_MS, value });
    void value.catch(() => recent.delete(key));
    return value;
  };
  const get = async (path: string): Promise<unknown> => {
    const res = await callService('catalogue', path, { headers: { accept: 'application/json' } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`catalogue answered ${res.status} for ${path}`);
    return res.json();
  };
  const read = async (path: string) => {
    const body = await get(path);
    if (body === undefined) return undefined;
    const version = CatalogueVersion.parse(body);
    versions.set(`${version.code}@${version.version}`, version);
    return version;
  };
  const officesFor = async (code: string, purpose: 'request' | 'collect') => {
    const body = await get(`/services/${encodeURIComponent(code)}/offices?purpose=${purpose}`);
    return body === undefined ? [] : OfficeList.parse(body).items;
  };
  return {
    published: (code) =>
      fresh(`published:${code}`, () => read(`/services/${encodeURIComponent(code)}`)),
    offices: (code) =>
      fresh(`offices:${code}`, async () => ({
        request: await officesFor(code, 'request'),
        collect: await officesFor(code, 'collect'),
      })),
    cachedVersion: (code, version) => versions.get(`${code}@${version}`),
    async version(code, version) {
      return (
        versions.get(`${code}@${version}`) ??
        read(`/services/${encodeURIComponent(code)}/versions/${version}`)
      );
    },
  };
}
