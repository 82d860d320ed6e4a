import { hasRole, personRoles, type Principal } from '@okno/auth';

/**
 * Who may change an agency's services: the regional administrator, and catalogue editors of
 * that agency only (their token's `agency` claim).
 */
export function mayEditAgencyServices(principal: Principal, agencyCode: string): boolean {
  if (hasRole(principal, personRoles.regionalAdmin)) return true;
  return hasRole(principal, personRoles.catalogueEditor) && principal.agency === agencyCode;
}
