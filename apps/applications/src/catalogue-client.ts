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
    form: z.object({ schema: z.record(z.string(), z.unknown()) }),
  }),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;

export interface CatalogueClient {
  /** The version of a service applications are filed under now; undefined if not published. */
  published(serviceCode: string): Promise<CatalogueVersion | undefined>;
  /** A numbered version (immutable, so kept once read). */
  version(serviceCode: string, version: number): Promise<CatalogueVersion | undefined>;
  /** A numbered version if it has been read before; never calls the catalogue. */
  cachedVersion(serviceCode: string, version: number): CatalogueVersion | undefined;
}

export function catalogueClient(callService: ServiceCaller): CatalogueClient {
  const versions = new Map<string, CatalogueVersion>();
  const read = async (path: string) => {
    const res = await callService('catalogue', path, { headers: { accept: 'application/json' } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`catalogue answered ${res.status} for ${path}`);
    const version = CatalogueVersion.parse(await res.json());
    versions.set(`${version.code}@${version.version}`, version);
    return version;
  };
  return {
    published: (code) => read(`/services/${encodeURIComponent(code)}`),
    cachedVersion: (code, version) => versions.get(`${code}@${version}`),
    async version(code, version) {
      return (
        versions.get(`${code}@${version}`) ??
        read(`/services/${encodeURIComponent(code)}/versions/${version}`)
      );
    },
  };
}
