import {
  canReach,
  hasAnyRole,
  hasRole,
  machineRoles,
  personRoles,
  type Principal,
} from '@okno/auth';
import type { Step } from './lifecycle';

/** What access to an application depends on. */
export interface ApplicationFacts {
  region: string;
  applicantSubject: string | null;
  company: string | null;
  agencyCode: string;
  officeCode: string | null;
  collectOfficeCode: string | null;
  /** Who took it in (the applicant, an officer, a partner system). */
  intakeBy: string | null;
}

const frontOffice = [personRoles.mfcOfficer, personRoles.postOfficer, personRoles.mobileOfficer];
const backOffice = [personRoles.backOfficeOfficer, personRoles.supervisor];

/** The applicant themselves, or a representative of the applying company. */
export const isApplicant = (p: Principal, a: ApplicationFacts): boolean =>
  p.region === a.region &&
  ((a.applicantSubject !== null && a.applicantSubject === p.subject) ||
    (a.company !== null &&
      p.company === a.company &&
      hasRole(p, personRoles.businessRepresentative)));

/** An officer of the agency that decides it. */
export const isDecidingOfficer = (p: Principal, a: ApplicationFacts) =>
  hasAnyRole(p, backOffice) && canReach(p, { region: a.region, agency: a.agencyCode });

/** A front-office officer at one of these offices. */
const isOfficerAt = (p: Principal, region: string, ...offices: (string | null)[]) =>
  p.region === region &&
  hasAnyRole(p, frontOffice) &&
  p.office !== undefined &&
  offices.includes(p.office);

/** The partner system (the post operator's, the mobile synchroniser) that submitted it. */
const isSubmittingPartner = (p: Principal, a: ApplicationFacts) =>
  p.region === a.region &&
  hasAnyRole(p, [machineRoles.postChannel, machineRoles.mobileSync]) &&
  a.intakeBy === p.subject;

/**
 * Who may see an application: the applicant, the deciding agency's officers, the front office
 * that took it in or hands out its result, and the partner system that submitted it (to show
 * its status at the post office). Nobody else, whatever their role.
 */
export const mayRead = (p: Principal, a: ApplicationFacts): boolean =>
  isApplicant(p, a) ||
  isDecidingOfficer(p, a) ||
  isOfficerAt(p, a.region, a.officeCode, a.collectOfficeCode) ||
  isSubmittingPartner(p, a);

/**
 * Who may read and write an application's internal notes and see who did what: the deciding
 * agency and the front offices involved, never the applicant.
 */
export const isStaffOf = (p: Principal, a: ApplicationFacts): boolean =>
  isDecidingOfficer(p, a) || isOfficerAt(p, a.region, a.officeCode, a.collectOfficeCode);

/** Who may take a step; the lifecycle separately decides whether the step fits the status. */
export function mayTakeStep(p: Principal, step: Step, a: ApplicationFacts): boolean {
  switch (step) {
    case 'submit':
      return isApplicant(p, a) || isOfficerAt(p, a.region, a.officeCode);
    case 'withdraw':
    case 'provide-information':
      return isApplicant(p, a) || isOfficerAt(p, a.region, a.officeCode, a.collectOfficeCode);
    case 'register':
    case 'dispatch-result':
    case 'review':
    case 'request-information':
    case 'decide':
      return isDecidingOfficer(p, a);
    case 'result-ready':
      return isDecidingOfficer(p, a) || isOfficerAt(p, a.region, a.collectOfficeCode);
    case 'issue':
      // A result delivered on the portal is issued by the agency; at an office, by its staff.
      return a.collectOfficeCode === null
        ? isDecidingOfficer(p, a)
        : isOfficerAt(p, a.region, a.collectOfficeCode);
    case 'await-registries':
    case 'registries-answered':
      // Taken by the node itself as inter-agency requests go out and answers come in.
      return false;
  }
}
