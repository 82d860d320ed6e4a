import { personRoles } from './roles';
import { hasRole, type Principal } from './principal';

/** Whose a record is: enough to decide object-level access without knowing its kind. */
export interface RecordOwnership {
  readonly region: string;
  /** The applicant person's subject, when a person applied for themselves. */
  readonly subject?: string | null;
  /** The company (OGRN), when a business representative applied for it. */
  readonly company?: string | null;
  /** The agency responsible for the record. */
  readonly agency?: string | null;
}

/**
 * Object-level authorization, decided in the service layer for every record read or changed:
 * nobody reaches another region's records; a citizen reaches their own; a business
 * representative their company's; agency staff their agency's. Region-wide roles (regional
 * administrator, auditor) are decided by the route, not here, so this rule stays the strict one.
 */
export function canReach(principal: Principal, record: RecordOwnership): boolean {
  if (record.region !== principal.region) return false;
  if (record.subject && record.subject === principal.subject) return true;
  if (
    record.company &&
    principal.company === record.company &&
    hasRole(principal, personRoles.businessRepresentative)
  ) {
    return true;
  }
  return Boolean(record.agency && principal.agency === record.agency);
}
