import { hasRole, personRoles, type Principal } from '@okno/auth';

/**
 * Who may change an agency's services: the regional administrator, and catalogue editors of
 * that agency only (their token's `agency` claim).
 */
export function mayEditAgencyServices(principal: Principal, agencyCode: string): boolean {
  if (hasRole(principal, personRoles.regionalAdmin)) return true;
  return hasRole(principal, personRoles.catalogueEditor) && principal.agency === agencyCode;
}

/**
 * Who may describe an office: the regional administrator, and catalogue editors for their own
 * agency's offices (an office cannot be moved into or out of their agency by them).
 */
export function mayEditOffice(
  principal: Principal,
  agencyCodes: { current?: string | undefined; next: string },
): boolean {
  if (hasRole(principal, personRoles.regionalAdmin)) return true;
  const { current, next } = agencyCodes;
  return mayEditAgencyServices(principal, next) && (current === undefined || current === next);
}
