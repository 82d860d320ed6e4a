import { agencyStaffRoles, frontOfficeRoles, type PersonRole } from '@okno/auth';
import type { FieldError } from '@okno/http';

export interface StaffAssignment {
  roles: readonly PersonRole[];
  agencyCode?: string | undefined;
  officeCode?: string | undefined;
}

/**
 * What a staff record must hold for its roles to make sense: agency roles need an agency,
 * front-office roles an office (the token claims the services rely on).
 */
export function staffAssignmentErrors(staff: StaffAssignment): FieldError[] {
  const errors: FieldError[] = [];
  const needsAgency = staff.roles.filter((r) => agencyStaffRoles.includes(r));
  if (needsAgency.length > 0 && !staff.agencyCode) {
    errors.push({
      location: 'body',
      pointer: '/agencyCode',
      message: `is required for the roles ${needsAgency.join(', ')}`,
    });
  }
  const needsOffice = staff.roles.filter((r) => frontOfficeRoles.includes(r));
  if (needsOffice.length > 0 && !staff.officeCode) {
    errors.push({
      location: 'body',
      pointer: '/officeCode',
      message: `is required for the roles ${needsOffice.join(', ')}`,
    });
  }
  return errors;
}
