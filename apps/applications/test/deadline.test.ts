import { describe, expect, it } from 'vitest';
import { ProductionCalendar, russianFederalYears, workingDays } from '@okno/calendar';
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
