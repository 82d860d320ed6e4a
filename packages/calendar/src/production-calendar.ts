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

/** A region's production calendar: its time zone and the years its decrees have fixed. */
export const ProductionCalendar = z
  .object({
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Asia/Novokuznetsk'),
    years: z.record(z.string().regex(/^\d{4}$/, 'a year'), CalendarYear),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    for (const [year, fixed] of Object.entries(calendar.years)) {
      for (const [field, dates] of Object.entries({
        daysOff: fixed.daysOff,
        workingWeekendDays: fixed.workingWeekendDays,
      })) {
        dates.forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) {
            ctx.addIssue({
              code: 'custom',
              path: ['years', year, field, i],
              message: `${date} is not in ${year}`,
            });
          }
        });
      }
      fixed.workingWeekendDays.forEach((date, i) => {
        const day = weekday(date);
        if (day !== 0 && day !== 6) {
          ctx.addIssue({
            code: 'custom',
            path: ['years', year, 'workingWeekendDays', i],
            message: `${date} is not a Saturday or Sunday`,
          });
        }
      });
    }
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
}

export function workingDays(calendar: ProductionCalendar): WorkingDays {
  const years = new Map<number, { off: Set<IsoDate>; worked: Set<IsoDate> }>();
  const yearRules = (year: number) => {
    let rules = years.get(year);
    if (!rules) {
      const fixed = calendar.years[String(year)];
      rules = fixed
        ? { off: new Set(fixed.daysOff), worked: new Set(fixed.workingWeekendDays) }
        : { off: new Set(statutoryDaysOff(year)), worked: new Set<IsoDate>() };
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
