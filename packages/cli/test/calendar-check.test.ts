import { describe, expect, it } from 'vitest';
import { calendarDrift } from '../src/calendar-check';

const info = (additions: { year: number; daysOff: string[]; workingWeekendDays?: string[] }[]) => ({
  calendar: {
    additions: additions.map((a) => ({ workingWeekendDays: [], ...a })),
  },
});

describe("the node's calendar against the pack's", () => {
  it('agrees when the same days are listed, in any order', () => {
    expect(
      calendarDrift(
        { '2027': { daysOff: ['2027-04-16', '2027-03-09'] } },
        info([{ year: 2027, daysOff: ['2027-03-09', '2027-04-16'] }]),
      ),
    ).toEqual([]);
    expect(calendarDrift({}, info([]))).toEqual([]);
  });

  it('names each year the two disagree on, whichever side has it', () => {
    expect(
      calendarDrift(
        { '2027': { daysOff: ['2027-04-16'] }, '2028': { workingWeekendDays: ['2028-01-08'] } },
        info([
          { year: 2026, daysOff: ['2026-03-20'] },
          { year: 2028, daysOff: [], workingWeekendDays: [] },
        ]),
      ),
    ).toEqual([2026, 2027, 2028]);
  });
});
