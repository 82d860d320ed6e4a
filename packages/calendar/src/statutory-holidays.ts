import { addDays, weekday, type IsoDate } from './iso-date';

const newYearHolidays = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'];
const otherHolidays = ['02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];
const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The weekdays not worked in a year by the Labour Code alone (art. 112), before any decree:
 * the holidays, and for a holiday on a weekend the next working day, except the New Year
 * holidays, whose weekend days only a decree moves.
 */
export function statutoryDaysOff(year: number): IsoDate[] {
  const off = new Set(
    newYearHolidays.map((d) => `${year}-${d}`).filter((date) => !isWeekend(date)),
  );
  for (const holiday of otherHolidays.map((d) => `${year}-${d}`)) {
    if (!isWeekend(holiday)) {
      off.add(holiday);
      continue;
    }
    let moved = addDays(holiday, 1);
    while (isWeekend(moved) || off.has(moved)) moved = addDays(moved, 1);
    off.add(moved);
  }
  return [...off].sort();
}
