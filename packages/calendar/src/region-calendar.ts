import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';
import {
  CalendarYear,
  ProductionCalendar,
  workingDays,
  type WorkingDays,
} from './production-calendar';
import { russianFederalYears } from './russia';

const year = z.string().regex(/^\d{4}$/, 'a year');

/**
 * A region's calendar file (`regions/<code>/calendar.json`, or OKNO_CALENDAR_FILE):
 * - `additions`: the region's own holidays and moved days, by year, counted on top of the
 *   federal year (a republic's Uraza Bayram, say): list only what the region adds;
 * - `federalYears`: a federal decree this Okno release does not carry yet, whole, as the
 *   government published it (the built-in years are never replaced by it).
 */
export const RegionCalendarFile = z
  .object({
    $schema: z.string().optional(),
    additions: z.record(year, CalendarYear).default({}),
    federalYears: z.record(year, CalendarYear).default({}),
  })
  .strict();
export type RegionCalendarFile = z.output<typeof RegionCalendarFile>;

/** The production calendar of a region in a time zone, with its own additions. */
export function regionWorkingDays(
  timeZone: string,
  file: z.input<typeof RegionCalendarFile> = {},
): WorkingDays {
  const { additions, federalYears } = RegionCalendarFile.parse(file);
  return workingDays(
    ProductionCalendar.parse({
      timeZone,
      years: { ...federalYears, ...russianFederalYears },
      additions,
    }),
  );
}

/**
 * Reads a region's calendar file, YAML as a region pack's `calendar.yaml` is (JSON is YAML
 * too); throws with every problem named by its path. YAML 1.2's core schema: an unquoted date
 * stays the text the schema checks, not a timestamp.
 */
export function loadRegionCalendarFile(path: string): RegionCalendarFile {
  let json: unknown;
  try {
    json = load(readFileSync(path, 'utf8'), { filename: path, schema: CORE_SCHEMA });
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = RegionCalendarFile.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/**
 * What a node must say about missing decrees on `today`: the current year's always, and from
 * 1 October next year's (the government usually publishes it in September; deadlines filed
 * in the autumn already run into it).
 */
export function decreeWarnings(calendar: WorkingDays, today: string): string[] {
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear, ...(today.slice(5) >= '10-01' ? [thisYear + 1] : [])];
  return years
    .filter((y) => !calendar.isFixed(y))
    .map(
      (y) =>
        `no federal decree on moved days off for ${y}: its deadlines count by the Labour Code alone until one is added (federalYears in the region's calendar file)`,
    );
}
