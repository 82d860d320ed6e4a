import type { OfficeContent } from './office';

export interface UpcomingVisit {
  officeCode: string;
  officeName: OfficeContent['name'];
  visit: OfficeContent['route'][number];
}

/** The next visits of mobile offices from a date on, soonest first. */
export function upcomingVisits(
  offices: readonly { code: string; content: OfficeContent }[],
  from: string,
  limit: number,
): UpcomingVisit[] {
  return offices
    .flatMap(({ code, content }) =>
      content.route
        .filter((visit) => visit.date >= from)
        .map((visit) => ({ officeCode: code, officeName: content.name, visit })),
    )
    .sort((a, b) => (a.visit.date + a.visit.from).localeCompare(b.visit.date + b.visit.from))
    .slice(0, limit);
}
