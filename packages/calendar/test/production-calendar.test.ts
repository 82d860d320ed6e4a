import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateIn,
  decreeWarnings,
  ProductionCalendar,
  regionWorkingDays,
  russianFederalYears,
  statutoryDaysOff,
  workingDays,
} from '../src';

const russia = workingDays(
  ProductionCalendar.parse({ timeZone: 'Asia/Novokuznetsk', years: russianFederalYears }),
);

const workingDaysIn = (year: number) =>
  russia.countWorkingDays(`${year - 1}-12-31`, `${year}-12-31`);

describe('the Russian production calendar', () => {
  it('has the working days the government published: 247 in 2025, 2026 and 2027', () => {
    expect(workingDaysIn(2025)).toBe(247);
    expect(workingDaysIn(2026)).toBe(247);
    expect(workingDaysIn(2027)).toBe(247);
  });

  it('works the Saturday a decree moved (1 November 2025) and rests the Monday it went to', () => {
    expect(russia.isWorkingDay('2025-11-01')).toBe(true);
    expect(russia.isWorkingDay('2025-11-03')).toBe(false);
    // Friday 31 October + 1 working day is that Saturday; + 2 skips Sunday and both holidays.
    expect(russia.addWorkingDays('2025-10-31', 1)).toBe('2025-11-01');
    expect(russia.addWorkingDays('2025-10-31', 2)).toBe('2025-11-05');
  });

  it('counts a deadline across a public holiday and the New Year holidays', () => {
    // Registered Tuesday 3 November 2026; Wednesday 4 November is the Day of National Unity.
    expect(russia.addWorkingDays('2026-11-03', 1)).toBe('2026-11-05');
    // Five working days from 24 December 2026: 31 December (a moved day off) and the January
    // holidays of 2027 are not worked.
    expect(russia.addWorkingDays('2026-12-24', 5)).toBe('2027-01-11');
    expect(russia.isFixed(2026)).toBe(true);
    expect(russia.isFixed(2027)).toBe(true);
    expect(russia.isFixed(2028)).toBe(false);
  });

  it('counts an unfixed year by the Labour Code: a weekend holiday moves to the next weekday', () => {
    // 2027: 23 February is a Tuesday, 8 March a Monday, 9 May a Sunday → 10 May.
    expect(statutoryDaysOff(2027)).toEqual(
      expect.arrayContaining(['2027-02-23', '2027-03-08', '2027-05-10', '2027-11-04']),
    );
    // New Year holidays on a weekend are moved only by a decree.
    expect(statutoryDaysOff(2027)).not.toContain('2027-01-09');
    // 2026 by the Labour Code alone, before its decree: 8 March (a Sunday) moves to the 9th.
    expect(statutoryDaysOff(2026)).toEqual(expect.arrayContaining(['2026-03-09', '2026-05-11']));
  });

  it('adding n working days and counting them back agree, for any date and n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 60 }),
        (offset, n) => {
          const start = addDays('2025-01-01', offset);
          const due = russia.addWorkingDays(start, n);
          expect(russia.countWorkingDays(start, due)).toBe(n);
          if (n > 0) expect(russia.isWorkingDay(due)).toBe(true);
        },
      ),
    );
  });

  it("adds a region's holidays and moved days to the federal year, and its day off wins", () => {
    const region = regionWorkingDays('Europe/Moscow', {
      additions: {
        '2027': {
          source: 'the region’s law',
          // Its own holiday on a Friday, and on the Saturday the federal decree made working.
          daysOff: ['2027-04-16', '2027-02-20'],
          // And a Saturday of its own worked instead.
          workingWeekendDays: ['2027-04-24'],
        },
      },
    });
    expect(region.isWorkingDay('2027-04-16')).toBe(false);
    expect(region.isWorkingDay('2027-02-20')).toBe(false);
    expect(region.isWorkingDay('2027-04-24')).toBe(true);
    for (const federal of russianFederalYears['2027']!.daysOff) {
      expect(region.isWorkingDay(federal)).toBe(false);
    }
    expect(region.summary.fixedYears).toEqual([2025, 2026, 2027]);
    expect(region.summary.additions.map((a) => a.year)).toEqual([2027]);
  });

  it("takes a federal decree Okno does not carry yet from the region's file, never over a built-in one", () => {
    const region = regionWorkingDays('Europe/Moscow', {
      federalYears: {
        '2028': { source: 'a decree of 2027', daysOff: ['2028-01-10'] },
        '2026': { source: 'a wrong copy', daysOff: [] },
      },
    });
    expect(region.isFixed(2028)).toBe(true);
    expect(region.isWorkingDay('2028-01-10')).toBe(false);
    expect(region.isWorkingDay('2026-11-04')).toBe(false);
  });

  it('warns of a missing decree for this year, and from 1 October for next year', () => {
    const federal = regionWorkingDays('Europe/Moscow');
    expect(decreeWarnings(federal, '2027-09-30')).toEqual([]);
    expect(decreeWarnings(federal, '2027-10-01')).toEqual([
      expect.stringMatching(/^no federal decree on moved days off for 2028/),
    ]);
    expect(decreeWarnings(federal, '2028-03-01')).toHaveLength(1);
    expect(decreeWarnings(federal, '2026-12-03')).toEqual([]);
  });

  it('takes the date of an instant in the region, not in UTC', () => {
    // 20:00 UTC is 03:00 the next day in Kemerovo (UTC+7).
    expect(dateIn(new Date('2026-11-23T20:00:00Z'), russia.timeZone)).toBe('2026-11-24');
    expect(dateIn(new Date('2026-11-23T16:59:59Z'), russia.timeZone)).toBe('2026-11-23');
  });

  it('refuses a calendar with dates in the wrong year, weekdays as working weekends, or an unknown zone', () => {
    const result = ProductionCalendar.safeParse({
      timeZone: 'Siberia/Nowhere',
      years: {
        '2026': {
          source: 'test',
          daysOff: ['2027-01-01', '2026-02-30'],
          workingWeekendDays: ['2026-11-23'],
        },
      },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('/'));
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'years/2026/daysOff/1']));

    const misplaced = ProductionCalendar.safeParse({
      timeZone: 'Asia/Novokuznetsk',
      years: {
        '2026': { source: 'test', daysOff: ['2027-01-01'], workingWeekendDays: ['2026-11-23'] },
      },
    });
    expect(misplaced.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['years/2026/daysOff/0', '2027-01-01 is not in 2026'],
      ['years/2026/workingWeekendDays/0', '2026-11-23 is not a Saturday or Sunday'],
    ]);
  });
});
