import { z } from 'zod';
import { IanaTimeZone, RegionCalendarFile } from '@okno/calendar';
import { AgencyName, OfficeContent, ServiceContent } from '@okno/catalogue/content';
import { DemoApplicant, ImportedStaffMember } from '@okno/identity/content';

/**
 * The files of a region pack (`regions/<code>/`), one schema each. Agencies, offices and
 * services use the catalogue's own schemas, so a pack that passes is one the node accepts.
 * See docs/regions.md.
 */

const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes')
  .max(80);
const language = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code');
const schemaLink = { $schema: z.string().optional() };

/** `region.yaml`: who the region is. */
export const RegionFile = z
  .object({
    ...schemaLink,
    /** ISO 3166-2; every token carries it. */
    code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as RU-TOM'),
    /** In Russian, English, and the region's own language if it has one. */
    name: AgencyName,
    /** The languages the portal speaks, Russian first. */
    languages: z.array(language).min(1).default(['ru', 'en']),
    /** IANA time zone: legal deadlines end at midnight there. */
    timeZone: IanaTimeZone,
    currency: z.literal('RUB').default('RUB'),
    /** The UIN prefix: an 8-digit participant code or a 3-digit revenue administrator code. */
    uinPrefix: z.string().regex(/^(\d{8}|\d{3})$/, '8 or 3 digits'),
  })
  .strict();
export type RegionFile = z.output<typeof RegionFile>;

/** `agencies.yaml`: the region's agencies. */
export const AgenciesFile = z
  .object({
    ...schemaLink,
    agencies: z.array(z.object({ code, name: AgencyName }).strict()),
  })
  .strict();

/** `offices.yaml`: MFCs, post offices, mobile offices with their routes, agencies' own. */
export const OfficesFile = z
  .object({
    ...schemaLink,
    offices: z.array(z.object({ code, ...OfficeContent.shape }).strict()),
  })
  .strict();

/** `staff.yaml`: who holds which role at which agency and office (the staff directory). */
export const StaffFile = z
  .object({
    ...schemaLink,
    staff: z.array(ImportedStaffMember),
  })
  .strict();
export type StaffMember = z.output<typeof StaffFile>['staff'][number];

/**
 * `demo-people.yaml`: development only. The applicants a development node's sign-in offers
 * (password = username), beside the staff; never imported into a production realm.
 */
export const DemoPeopleFile = z
  .object({
    ...schemaLink,
    people: z.array(DemoApplicant),
  })
  .strict();

/** `services/<code>.yaml`: one service, as its published version says it; the code is the name. */
export const ServiceFile = ServiceContent.safeExtend(schemaLink);

/** `calendar.yaml`: the region's holidays added to the federal years (docs/applications.md). */
export const CalendarFile = RegionCalendarFile;

/** `pack.yaml` of a pack that is not a region's (the federal pack). */
export const PackFile = z
  .object({
    ...schemaLink,
    kind: z.literal('federal'),
    /** The act or list the pack follows, for the record. */
    source: z.string().min(1),
  })
  .strict();

/** Every file a pack may hold, by name; `services/` holds one ServiceFile per service. */
export const packFiles = {
  'region.yaml': RegionFile,
  'agencies.yaml': AgenciesFile,
  'offices.yaml': OfficesFile,
  'staff.yaml': StaffFile,
  'demo-people.yaml': DemoPeopleFile,
  'calendar.yaml': CalendarFile,
  'pack.yaml': PackFile,
} as const;
export type PackFileName = keyof typeof packFiles;
