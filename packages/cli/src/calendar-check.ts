import { z } from 'zod';

/** A year's additions as the node's /info lists them. */
const NodeCalendar = z.object({
  calendar: z.object({
    additions: z.array(
      z.object({
        year: z.number(),
        daysOff: z.array(z.string()),
        workingWeekendDays: z.array(z.string()),
      }),
    ),
  }),
});

type Additions = Record<
  string,
  { daysOff?: readonly string[]; workingWeekendDays?: readonly string[] }
>;

/**
 * The years whose regional days the pack's calendar.yaml and the running node disagree on: the
 * node reads its calendar at start (OKNO_CALENDAR_FILE), not from an import, so a pack's new
 * holiday counts in deadlines only after a restart with the file.
 */
export function calendarDrift(pack: Additions, info: unknown): number[] {
  const node = new Map(
    NodeCalendar.parse(info).calendar.additions.map((a) => [String(a.year), a] as const),
  );
  const key = (days: readonly string[] | undefined) => [...(days ?? [])].sort().join(',');
  const years = new Set([...Object.keys(pack), ...node.keys()]);
  return [...years]
    .filter((year) => {
      const ours = pack[year];
      const theirs = node.get(year);
      return (
        key(ours?.daysOff) !== key(theirs?.daysOff) ||
        key(ours?.workingWeekendDays) !== key(theirs?.workingWeekendDays)
      );
    })
    .map(Number)
    .sort();
}
