/**
 * Calendar dates as ISO strings (`2026-11-23`): a legal deadline is a day, not an instant, and
 * strings compare, print and store without a time zone sneaking in. Arithmetic goes through
 * UTC midnight, where every day is 24 hours long.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

/** A real date as YYYY-MM-DD (so not 2026-02-30 nor 2026-13-01). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = toUtc(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const toUtc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export const weekday = (date: IsoDate): number => toUtc(date).getUTCDay();

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** The date an instant falls on in a time zone (`Asia/Novokuznetsk` for Kuzbass). */
export function dateIn(instant: Date, timeZone: string): IsoDate {
  return formatterFor(timeZone).format(instant);
}

// Making a formatter costs far more than formatting with one (it loads the zone's rules).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
