import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  CalendarYear,
  ProductionCalendar,
  workingDays,
  type WorkingDays,
} from './production-calendar';
import { russianFederalYears } from './russia';

/**
 * A region's own additions to the federal calendar, from a JSON file: whole years it fixes
 * itself (its holidays on top of the federal decree, or a decree not yet shipped with Okno).
 * A year given here replaces the federal one, so it must list the federal days off too.
 */
export const RegionCalendarFile = z
  .object({ years: z.record(z.string().regex(/^\d{4}$/, 'a year'), CalendarYear) })
  .strict();

/** The production calendar of a region in a time zone, optionally with its own years. */
export function regionWorkingDays(
  timeZone: string,
  regionYears: z.input<typeof RegionCalendarFile>['years'] = {},
): WorkingDays {
  return workingDays(
    ProductionCalendar.parse({ timeZone, years: { ...russianFederalYears, ...regionYears } }),
  );
}

/** Reads a region's calendar file; throws with every problem named. */
export function loadRegionCalendarFile(path: string): z.output<typeof RegionCalendarFile> {
  const parsed = RegionCalendarFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
