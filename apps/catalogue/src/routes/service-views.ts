import { z } from '@hono/zod-openapi';
import type { VersionRow } from '../store/version-store';
import { ServiceContent } from '../model/service-content';
import { applicantTypes, channels, serviceLevels } from '../model/vocabulary';

const Title = z.object({ ru: z.string(), en: z.string().optional() });

export const ServiceSummary = z
  .object({
    code: z.string().openapi({ example: 'birth-registration' }),
    version: z.number().int(),
    level: z.enum(serviceLevels),
    federalCode: z.string().nullable(),
    agencyCode: z.string(),
    title: Title,
    categories: z.array(z.string()),
    lifeSituations: z.array(z.string()),
    requestChannels: z.array(z.enum(channels)),
    applicantTypes: z.array(z.enum(applicantTypes)),
    hasFee: z.boolean(),
  })
  .openapi('ServiceSummary');

export const ServiceVersion = z
  .object({
    id: z
      .uuid()
      .openapi({ description: 'What an application filed under this version refers to.' }),
    code: z.string(),
    version: z.number().int().nullable().openapi({ description: 'Null while a draft.' }),
    status: z.enum(['draft', 'published', 'retired']),
    publishedAt: z.iso.datetime().nullable(),
    retiredAt: z.iso.datetime().nullable(),
    content: ServiceContent,
  })
  .openapi('ServiceVersion');

export const toServiceVersion = (row: VersionRow): z.infer<typeof ServiceVersion> => ({
  id: row.id,
  code: row.serviceCode,
  version: row.version,
  status: row.status,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  retiredAt: row.retiredAt?.toISOString() ?? null,
  content: row.content as unknown as z.infer<typeof ServiceContent>,
});
