import { and, eq, inArray, isNotNull, ne, or, isNull } from 'drizzle-orm';
import { dateIn } from '@okno/calendar';
import type { Database } from '@okno/db';
import { applications, applicationsOutbox } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import type { RegionSettings } from '@okno/http';
import { deadlineState, dueDate } from './model/deadline';

/** Two working days or fewer left: the application is near its deadline. */
export const NEAR_WORKING_DAYS = 2;

const undecided = ['registered', 'in-review', 'awaiting-registries', 'awaiting-applicant'];

/**
 * Brings every undecided application's due date and deadline state up to `now`, and announces
 * each that has just come near its deadline or breached it. Safe to run as often as wanted and
 * from several processes at once: a row is changed, and its event written, only by the run
 * whose update finds it still in its old state.
 */
export async function sweepDeadlines(
  db: Database,
  region: RegionSettings,
  now: Date,
): Promise<{ checked: number; near: number; breached: number }> {
  const today = dateIn(now, region.calendar.timeZone);
  const a = applications;
  const rows = await db
    .select()
    .from(a)
    .where(and(inArray(a.status, undecided), isNotNull(a.registeredOn)));
  const counts = { checked: rows.length, near: 0, breached: 0 };
  for (const row of rows) {
    const due = dueDate(
      {
        registeredOn: row.registeredOn ?? today,
        termWorkingDays: row.termWorkingDays,
        pausedWorkingDays: row.pausedWorkingDays,
        pausedOn: row.pausedOn ?? undefined,
      },
      today,
      region.calendar,
    );
    const state = deadlineState(due, today, NEAR_WORKING_DAYS, region.calendar);
    if (due === row.dueOn && state === row.deadlineState) continue;
    await db.transaction(async (tx) => {
      const [changed] = await tx
        .update(a)
        .set({ dueOn: due, deadlineState: state, revision: row.revision + 1, updatedAt: now })
        .where(
          and(
            eq(a.id, row.id),
            eq(a.revision, row.revision),
            or(isNull(a.deadlineState), ne(a.deadlineState, state), ne(a.dueOn, due)),
          ),
        )
        .returning({ id: a.id });
      if (!changed || state === 'on-time' || state === row.deadlineState) return;
      counts[state === 'near' ? 'near' : 'breached']++;
      await enqueueEvent(tx, applicationsOutbox, {
        type: `applications.application.deadline-${state}`,
        payload: {
          applicationId: row.id,
          number: row.number,
          agencyCode: row.agencyCode,
          serviceCode: row.serviceCode,
          dueOn: due,
        },
      });
    });
  }
  return counts;
}
