import type { CatalogueOffice, ServiceOffices } from '../catalogue-client';

/*
 * Apply anywhere, collect anywhere: where an application may be taken in and where its result
 * may be collected, as the catalogue publishes it. Pure: the routes bring the offices.
 */

/** Where the applicant collects the result: an office (a mobile office's visit), or the portal. */
export interface CollectionChoice {
  officeCode: string | null;
  /** At a mobile office: the date of the visit; none means its first visit once it is ready. */
  visitOn?: string | null | undefined;
}

export interface ChoiceError {
  field: 'office' | 'visit';
  message: string;
}

/** Why the result cannot be collected there; empty if it can. */
export function collectionErrors(
  choice: CollectionChoice,
  offices: ServiceOffices,
  resultChannels: readonly string[],
  today: string,
): ChoiceError[] {
  if (choice.officeCode === null) {
    if (choice.visitOn) return [{ field: 'visit', message: 'a visit needs a mobile office' }];
    return resultChannels.includes('portal')
      ? []
      : [{ field: 'office', message: "this service's result is not delivered on the portal" }];
  }
  const office = offices.collect.find((o) => o.code === choice.officeCode);
  if (!office) {
    return [
      {
        field: 'office',
        message: `${choice.officeCode} does not hand out this service's results`,
      },
    ];
  }
  if (!choice.visitOn) return [];
  if (office.content.kind !== 'mobile-office') {
    return [{ field: 'visit', message: `${office.code} is not a mobile office` }];
  }
  const visits = upcomingVisits(office, today);
  return visits.includes(choice.visitOn)
    ? []
    : [
        {
          field: 'visit',
          message: `${office.code} makes no visit on ${choice.visitOn}; its next: ${visits.slice(0, 5).join(', ') || 'none scheduled'}`,
        },
      ];
}

/** Why an application cannot be taken in at this office; undefined if it can. */
export function intakeRefusal(officeCode: string, offices: ServiceOffices): string | undefined {
  return offices.request.some((o) => o.code === officeCode)
    ? undefined
    : `${officeCode} does not take applications for this service in`;
}

const upcomingVisits = (office: CatalogueOffice, today: string) =>
  office.content.route
    .map((visit) => visit.date)
    .filter((date) => date >= today)
    .sort();
