import type { PersonRole } from '@okno/auth';
import type { Executor } from '@okno/db';
import type { FieldError, ServiceCaller } from '@okno/http';
import type { RealmPeople } from '../people/realm-people';
import { workplaceErrors } from './catalogue-directory';
import { staffAssignmentErrors } from './staff-rules';
import { saveStaffMember, type StaffAuthor } from './staff-store';

/** A staff member as a region pack's `staff.yaml` gives them. */
export interface ImportedStaff {
  username: string;
  firstName: string;
  lastName: string;
  email?: string | undefined;
  roles: PersonRole[];
  agency?: string | undefined;
  office?: string | undefined;
}

export type StaffOutcome = 'added' | 'changed' | 'unchanged' | 'retired';

/** Dry runs only: the agencies and offices the same import brings, which a dry run has not added. */
export interface ExpectedWorkplaces {
  agencies: ReadonlySet<string>;
  offices: ReadonlySet<string>;
}

const at = (i: number, error: FieldError, field: string): FieldError => ({
  ...error,
  pointer: `/items/${i}${error.pointer.replace(/^\/(agencyCode|officeCode)$/, field)}`,
});

/**
 * Everything wrong with a batch, each under `/items/<i>`: roles without the agency or office
 * they need, and agencies and offices the catalogue does not have (asked once a workplace).
 */
export async function staffImportErrors(
  callService: ServiceCaller,
  items: ImportedStaff[],
  expected: ExpectedWorkplaces,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const checked = new Map<string, Promise<FieldError[]>>();
  for (const [i, item] of items.entries()) {
    const placement = { roles: item.roles, agencyCode: item.agency, officeCode: item.office };
    for (const e of staffAssignmentErrors(placement)) {
      errors.push(at(i, e, e.pointer === '/agencyCode' ? '/agency' : '/office'));
    }
    const workplace = {
      ...(item.agency && !expected.agencies.has(item.agency) && { agencyCode: item.agency }),
      ...(item.office &&
        !expected.offices.has(item.office) && {
          agencyCode: item.agency,
          officeCode: item.office,
        }),
    };
    const key = `${workplace.agencyCode ?? ''}/${workplace.officeCode ?? ''}`;
    if (!checked.has(key)) checked.set(key, workplaceErrors(callService, workplace));
    for (const e of await checked.get(key)!) {
      errors.push(at(i, e, e.pointer === '/agencyCode' ? '/agency' : '/office'));
    }
  }
  return errors;
}

/**
 * Each staff member written to the realm, so they sign in with these roles, agency and office;
 * answers their subjects. Done before the directory's transaction opens (the embedded
 * provider's accounts share the embedded database's one connection), and a failure leaves
 * the directory as it was, for a rerun to carry on. A dry run only asks who exists.
 */
export async function writeToRealm(
  people: RealmPeople,
  items: ImportedStaff[],
  dryRun: boolean,
): Promise<Map<string, string>> {
  const subjects = new Map<string, string>();
  for (const item of items) {
    const subject = dryRun
      ? ((await people.subjectOf(item.username)) ?? `new:${item.username}`)
      : (await people.save({ ...item, enabled: true })).subject;
    subjects.set(item.username, subject);
  }
  return subjects;
}

/** Each staff member recorded in the directory under their realm subject, audited as an edit. */
export async function recordStaff(
  tx: Executor,
  items: ImportedStaff[],
  subjects: ReadonlyMap<string, string>,
  author: StaffAuthor,
): Promise<{ username: string; outcome: StaffOutcome }[]> {
  const results: { username: string; outcome: StaffOutcome }[] = [];
  for (const item of items) {
    const subject = subjects.get(item.username);
    if (!subject) throw new Error(`no subject for ${item.username}`);
    const { outcome } = await saveStaffMember(
      tx,
      subject,
      {
        username: item.username,
        displayName: `${item.firstName} ${item.lastName}`,
        agencyCode: item.agency ?? null,
        officeCode: item.office ?? null,
        roles: item.roles,
        active: true,
      },
      author,
    );
    results.push({ username: item.username, outcome });
  }
  return results;
}
