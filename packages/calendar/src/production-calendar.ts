import { z } from 'zod';
import { addDays, isIsoDate, weekday, yearOf, type IsoDate } from './iso-date';
import { statutoryDaysOff } from './statutory-holidays';

const isoDate = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD');

/**
 * One year as a decree fixes it: the weekdays that are not worked (holidays, days off moved
 * onto weekdays, a region's own holidays) and the weekend days that are worked instead.
 */
export const CalendarYear = z
  .object({
    /** The acts that fixed the year, e.g. "Постановление Правительства РФ от 24.09.2025 № 1466". */
    source: z.string().min(1),
    daysOff: z.array(isoDate),
    workingWeekendDays: z.array(isoDate).default([]),
  })
  .strict();
export type CalendarYear = z.output<typeof CalendarYear>;

const year = z.string().regex(/^\d{4}$/, 'a year');

/** Every date of each year in that year, and every worked weekend day a Saturday or Sunday. */
function checkYears(years: Record<string, CalendarYear>, path: string, ctx: z.RefinementCtx): void {
  for (const [name, fixed] of Object.entries(years)) {
    for (const [field, dates] of Object.entries({
      daysOff: fixed.daysOff,
      workingWeekendDays: fixed.workingWeekendDays,
    })) {
      dates.forEach((date, i) => {
        if (!date.startsWith(`${name}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: [path, name, field, i],
            message: `${date} is not in ${name}`,
          });
        }
      });
    }
    fixed.workingWeekendDays.forEach((date, i) => {
      const day = weekday(date);
      if (day !== 0 && day !== 6) {
        ctx.addIssue({
          code: 'custom',
          path: [path, name, 'workingWeekendDays', i],
          message: `${date} is not a Saturday or Sunday`,
        });
      }
    });
  }
}

/** A time zone this runtime knows by its IANA name: legal deadlines end at midnight there. */
export const IanaTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Tomsk');

/**
 * A region's production calendar: its time zone, the years the federal decrees have fixed, and
 * the region's own additions to any year (its holidays, its moved days), which count on top of
 * the federal year, never instead of it.
 */
export const ProductionCalendar = z
  .object({
    timeZone: IanaTimeZone,
    years: z.record(year, CalendarYear),
    additions: z.record(year, CalendarYear).default({}),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    checkYears(calendar.years, 'years', ctx);
    checkYears(calendar.additions, 'additions', ctx);
  });
export type ProductionCalendar = z.output<typeof ProductionCalendar>;
export type ProductionCalendarInput = z.input<typeof ProductionCalendar>;

/** Working-day arithmetic over a region's production calendar. */
export interface WorkingDays {
  readonly timeZone: string;
  isWorkingDay(date: IsoDate): boolean;
  /**
   * Whether the year's decree is in the calendar. A year that is not is counted with the
   * Labour Code's holidays alone (art. 112), so deadlines stay computable, but provisional.
   */
  isFixed(year: number): boolean;
  /** The n-th working day after `date` (a term starts the day after its event, Civil Code art. 191). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from`, up to and including `to`; 0 if `to` is not after `from`. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /** What the calendar is made of, for /info: the fixed years and the region's additions. */
  readonly summary: CalendarSummary;
}

export interface CalendarSummary {
  timeZone: string;
  /** Years whose federal decree is in the calendar. */
  fixedYears: number[];
  /** The region's own additions, by year. */
  additions: (CalendarYear & { year: number })[];
}

export function workingDays(calendar: ProductionCalendar): WorkingDays {
  const years = new Map<number, { off: Set<IsoDate>; worked: Set<IsoDate> }>();
  const yearRules = (year: number) => {
    let rules = years.get(year);
    if (!rules) {
      const fixed = calendar.years[String(year)];
      const off = new Set(fixed ? fixed.daysOff : statutoryDaysOff(year));
      const worked = new Set(fixed?.workingWeekendDays ?? []);
      // The region's additions on top: its day off wins even over a federally worked Saturday.
      const added = calendar.additions[String(year)];
      for (const date of added?.workingWeekendDays ?? []) worked.add(date);
      for (const date of added?.daysOff ?? []) {
        off.add(date);
        worked.delete(date);
      }
      rules = { off, worked };
      years.set(year, rules);
    }
    return rules;
  };
  const isWorkingDay = (date: IsoDate) => {
    const { off, worked } = yearRules(yearOf(date));
    if (worked.has(date)) return true;
    if (off.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  };
  return {
    timeZone: calendar.timeZone,
    isWorkingDay,
    isFixed: (year) => calendar.years[String(year)] !== undefined,
    summary: {
      timeZone: calendar.timeZone,
      fixedYears: Object.keys(calendar.years).map(Number).sort(),
      additions: Object.entries(calendar.additions)
        .map(([year, added]) => ({ year: Number(year), ...added }))
        .sort((a, b) => a.year - b.year),
    },
    addWorkingDays(date, n) {
      let day = date;
      for (let counted = 0; counted < n;) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) counted++;
      }
      return day;
    },
    countWorkingDays(from, to) {
      let counted = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
        if (isWorkingDay(day)) counted++;
      }
      return counted;
    },
  };
}
