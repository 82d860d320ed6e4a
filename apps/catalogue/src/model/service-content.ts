import { z } from '@hono/zod-openapi';
import {
  applicantTypes,
  categories,
  channels,
  lifeSituations,
  registries,
  serviceLevels,
  type CategoryCode,
  type LifeSituationCode,
  type RegistryCode,
} from './vocabulary';

const codeOf = <T extends string>(values: Record<T, unknown>) =>
  z.enum(Object.keys(values) as [T, ...T[]]);

/** Text in both of the catalogue's languages; both are required for publication. */
export const Localized = z
  .object({ ru: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })
  .strict();

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes')
  .max(80);

/**
 * A required document: either the applicant brings it, or the agency obtains it from a state
 * registry itself (the once-only rule: the form must not ask for it).
 */
export const RequiredDocument = z
  .object({
    code: slug,
    title: Localized,
    source: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('applicant'),
          /** The original must be shown at the office (a copy is not enough). */
          originalRequired: z.boolean().default(false),
        })
        .strict(),
      z
        .object({
          kind: z.literal('registry'),
          registry: codeOf<RegistryCode>(registries),
          /** Which data the agency requests from the registry. */
          data: Localized,
        })
        .strict(),
    ]),
  })
  .strict();

/** Kopecks and the budget classification code (KBK, 20 digits) the fee is paid to. */
export const Fee = z
  .object({
    applicantType: z.enum([...applicantTypes, 'any']),
    amountMinor: z.number().int().positive(),
    currency: z.literal('RUB').default('RUB'),
    kbk: z.string().regex(/^\d{20}$/, 'a budget classification code of 20 digits'),
    title: Localized,
  })
  .strict();

/**
 * The application form: a JSON Schema (draft 2020-12, an object) and how to show it. Field
 * labels and help are localised here, not in the schema, so one schema serves both languages.
 */
export const ApplicationForm = z
  .object({
    schema: z.record(z.string(), z.unknown()),
    ui: z
      .object({
        order: z.array(z.string()).default([]),
        widgets: z.record(z.string(), z.string()).default({}),
        labels: z.record(z.string(), Localized).default({}),
        help: z.record(z.string(), Localized).default({}),
      })
      .strict(),
  })
  .strict();

/** Everything one version of a public service says. */
export const ServiceContent = z
  .object({
    level: z.enum(serviceLevels),
    /** Stable across every region; federal services only. */
    federalCode: z
      .string()
      .regex(/^\d{11}$/, 'a federal register code of 11 digits')
      .optional(),
    agencyCode: slug,
    title: Localized,
    summary: Localized,
    categories: z.array(codeOf<CategoryCode>(categories)).min(1),
    lifeSituations: z.array(codeOf<LifeSituationCode>(lifeSituations)).default([]),
    applicantTypes: z.array(z.enum(applicantTypes)).min(1),
    requestChannels: z.array(z.enum(channels)).min(1),
    resultChannels: z.array(z.enum(channels)).min(1),
    documents: z.array(RequiredDocument).default([]),
    fees: z.array(Fee).default([]),
    exemptions: z.array(Localized).default([]),
    /** The legal deadline, in working days of the region's production calendar. */
    deadlineWorkingDays: z.number().int().min(1).max(365),
    result: z.object({ kind: slug, title: Localized }).strict(),
    form: ApplicationForm,
  })
  .strict()
  .superRefine((content, ctx) => {
    if ((content.level === 'federal') !== (content.federalCode !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['federalCode'],
        message: 'federal services have a federal code, and only they do',
      });
    }
  });
export type ServiceContent = z.output<typeof ServiceContent>;
export type ServiceContentInput = z.input<typeof ServiceContent>;
