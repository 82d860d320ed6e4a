import { missingPlacement, type PersonRole } from '@okno/auth';
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
  return missingPlacement(staff.roles, { agency: staff.agencyCode, office: staff.officeCode }).map(
    ({ field, roles }) => ({
      location: 'body',
      pointer: field === 'agency' ? '/agencyCode' : '/officeCode',
      message: `is required for the roles ${roles.join(', ')}`,
    }),
  );
}
