import { z } from '@hono/zod-openapi';
import { applicantRoles, staffRoles } from '@okno/auth';

const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes')
  .max(80);

/** The login name: what Keycloak and the embedded provider know a person by. */
export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lowercase letters, digits, dots, dashes');

const person = {
  username: Username,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().optional(),
};

/** A staff member as a region imports them: roles, and the agency and office they work at. */
export const ImportedStaffMember = z
  .object({
    ...person,
    roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length),
    agency: code.optional(),
    office: code.optional(),
  })
  .strict();

/** An applicant to sign in as on a development node (never in production). */
export const DemoApplicant = z
  .object({
    ...person,
    roles: z.array(z.enum(applicantRoles)).min(1),
    /** A business representative's company (OGRN). */
    company: z
      .string()
      .regex(/^\d{13}$/, 'an OGRN of 13 digits')
      .optional(),
  })
  .strict();
