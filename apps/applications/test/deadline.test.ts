import { describe, expect, it } from 'vitest';
import {
  ProductionCalendar,
  regionWorkingDays,
  russianFederalYears,
  workingDays,
} from '@okno/calendar';
import { deadlineState, dueDate, resume, type LegalClock } from '../src/model/deadline';

const kuzbass = workingDays(
  ProductionCalendar.parse({ timeZone: 'Asia/Novokuznetsk', years: russianFederalYears }),
);

describe('the legal deadline', () => {
  it('is counted in working days from the day after registration, across a public holiday', () => {
    // Registered Friday 30 October 2026, a 5-working-day term: 2, 3, (4 November is the Day
    // of National Unity), 5, 6, 9 November.
    const clock: LegalClock = {
      registeredOn: '2026-10-30',
      termWorkingDays: 5,
      pausedWorkingDays: 0,
    };
    expect(dueDate(clock, '2026-10-30', kuzbass)).toBe('2026-11-09');
  });

  it('counts a Saturday a decree made working, and skips the Monday it moved to', () => {
    // Registered Thursday 30 October 2025, 3 working days: 31 October, Saturday 1 November
    // (worked by decree), then 3 and 4 November are off: Wednesday 5 November.
    const clock: LegalClock = {
      registeredOn: '2025-10-30',
      termWorkingDays: 3,
      pausedWorkingDays: 0,
    };
    expect(dueDate(clock, '2025-10-30', kuzbass)).toBe('2025-11-05');
  });

  it("counts 2027's moved days: Saturday 20 February worked, Monday 22 February, 5 November and 31 December off", () => {
    // Filed today (3 December 2026) with a 30-working-day term: across the New Year holidays
    // (31 December and 1–10 January not worked) to Monday 25 January 2027.
    const filedToday: LegalClock = {
      registeredOn: '2026-12-03',
      termWorkingDays: 30,
      pausedWorkingDays: 0,
    };
    expect(dueDate(filedToday, '2026-12-03', kuzbass)).toBe('2027-01-25');
    // Registered Thursday 18 February 2027, 2 working days: Friday 19 and Saturday 20 (worked
    // by the decree); 4 days: then 21 (Sunday), 22 (moved day off) and 23 (Defender of the
    // Fatherland Day) are not worked: 24 and 25 February.
    const february: LegalClock = {
      registeredOn: '2027-02-18',
      termWorkingDays: 2,
      pausedWorkingDays: 0,
    };
    expect(dueDate(february, '2027-02-18', kuzbass)).toBe('2027-02-20');
    expect(dueDate({ ...february, termWorkingDays: 4 }, '2027-02-18', kuzbass)).toBe('2027-02-25');
    // Registered Wednesday 3 November 2027, 2 working days: 4 and 5 November are off
    // (the Day of National Unity and the day moved from 2 January): Monday 8, Tuesday 9.
    const november: LegalClock = {
      registeredOn: '2027-11-03',
      termWorkingDays: 2,
      pausedWorkingDays: 0,
    };
    expect(dueDate(november, '2027-11-03', kuzbass)).toBe('2027-11-09');
    // Registered Thursday 30 December 2027, 1 working day: 31 December is off (moved from
    // 3 January), and so is the New Year: Monday 10 January 2028 (2028 counted by the Labour
    // Code until its decree: 1–8 January, then the weekend).
    const newYear: LegalClock = {
      registeredOn: '2027-12-30',
      termWorkingDays: 1,
      pausedWorkingDays: 0,
    };
    expect(dueDate(newYear, '2027-12-30', kuzbass)).toBe('2028-01-10');
  });

  it("counts a region's own holiday on top of the federal ones, losing none of them", () => {
    // A republic's holiday on Friday 19 February 2027, added to the federal year.
    const republic = regionWorkingDays('Europe/Moscow', {
      additions: {
        '2027': { source: 'Закон республики о праздниках', daysOff: ['2027-02-19'] },
      },
    });
    const clock: LegalClock = {
      registeredOn: '2027-02-18',
      termWorkingDays: 3,
      pausedWorkingDays: 0,
    };
    // 19 (the region's), 22 and 23 (federal) are off; Saturday 20 still worked: 20, 24, 25.
    expect(dueDate(clock, '2027-02-18', republic)).toBe('2027-02-25');
    expect(dueDate(clock, '2027-02-18', kuzbass)).toBe('2027-02-24');
  });

  it('stands still while the applicant is asked, and moves the due date by those working days', () => {
    const registered: LegalClock = {
      registeredOn: '2026-11-02',
      termWorkingDays: 10,
      pausedWorkingDays: 0,
    };
    expect(dueDate(registered, '2026-11-02', kuzbass)).toBe('2026-11-17');
    // Asked on Monday 9 November; the due date slides as long as the answer does not come.
    const paused = { ...registered, pausedOn: '2026-11-09' };
    expect(dueDate(paused, '2026-11-11', kuzbass)).toBe('2026-11-19');
    // Answered Friday 13 November: four working days stood still (10, 11, 12, 13).
    const resumed = resume(paused, '2026-11-13', kuzbass);
    expect(resumed).toEqual({ ...registered, pausedWorkingDays: 4, pausedOn: undefined });
    expect(dueDate(resumed, '2026-11-20', kuzbass)).toBe('2026-11-23');
  });

  it('is near in the last working days and breached the day after the due date', () => {
    const due = '2026-11-09'; // a Monday, after the holiday on the 4th
    expect(deadlineState(due, '2026-11-02', 2, kuzbass)).toBe('on-time');
    // Thursday 5 November: Friday 6 and Monday 9 remain.
    expect(deadlineState(due, '2026-11-05', 2, kuzbass)).toBe('near');
    expect(deadlineState(due, '2026-11-09', 2, kuzbass)).toBe('near');
    expect(deadlineState(due, '2026-11-10', 2, kuzbass)).toBe('breached');
  });
});
