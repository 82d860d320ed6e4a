import type { IsoDate, WorkingDays } from '@okno/calendar';

/**
 * The legal clock of one application (see docs/applications.md, "Deadlines"): the service's
 * term in working days, counted from the day after registration; while the agency waits for
 * the applicant the clock stops, and the working days it stood still are added to the term.
 * Waiting for registries does not stop it: inter-agency answers are the agency's business.
 */
export interface LegalClock {
  registeredOn: IsoDate;
  termWorkingDays: number;
  /** Working days the clock stood still in pauses that have ended. */
  pausedWorkingDays: number;
  /** The day the current pause began, if the clock is stopped now. */
  pausedOn?: IsoDate | undefined;
}

/** The last day the decision may be taken, as things stand `today`. */
export function dueDate(clock: LegalClock, today: IsoDate, calendar: WorkingDays): IsoDate {
  const pausing = clock.pausedOn ? calendar.countWorkingDays(clock.pausedOn, today) : 0;
  return calendar.addWorkingDays(
    clock.registeredOn,
    clock.termWorkingDays + clock.pausedWorkingDays + pausing,
  );
}

/** The clock after the applicant answered on `resumedOn`. */
export function resume(clock: LegalClock, resumedOn: IsoDate, calendar: WorkingDays): LegalClock {
  if (!clock.pausedOn) return clock;
  return {
    ...clock,
    pausedWorkingDays:
      clock.pausedWorkingDays + calendar.countWorkingDays(clock.pausedOn, resumedOn),
    pausedOn: undefined,
  };
}

export type DeadlineState = 'on-time' | 'near' | 'breached';

/**
 * Where an undecided application stands: breached once the due date has passed; near when
 * `nearWorkingDays` or fewer working days remain after today (0 on the due date itself).
 */
export function deadlineState(
  due: IsoDate,
  today: IsoDate,
  nearWorkingDays: number,
  calendar: WorkingDays,
): DeadlineState {
  if (today > due) return 'breached';
  return calendar.countWorkingDays(today, due) <= nearWorkingDays ? 'near' : 'on-time';
}
