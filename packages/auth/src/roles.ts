/**
 * Okno's roles: one list, used by the Keycloak realm generator, the embedded OpenID provider,
 * route access declarations and docs/identity.md. Names are realm roles in Keycloak.
 */
export const personRoles = {
  /** Applies for services for themselves; sees only their own records. */
  citizen: 'citizen',
  /** Applies for a company (the `company` claim); sees only that company's records. */
  businessRepresentative: 'business-representative',
  /** Front office: an MFC counter; applies on an applicant's behalf after an identity check. */
  mfcOfficer: 'mfc-officer',
  /** Front office: a post office acting as an access point. */
  postOfficer: 'post-officer',
  /** Front office: a mobile office travelling to remote settlements. */
  mobileOfficer: 'mobile-officer',
  /** Back office: reviews and decides applications of their agency. */
  backOfficeOfficer: 'back-office-officer',
  /** Oversees an agency's queues, reassigns work, watches deadlines. */
  supervisor: 'supervisor',
  /** Publishes their agency's services in the catalogue. */
  catalogueEditor: 'catalogue-editor',
  /** Runs the node: offices, staff, partners, configuration. */
  regionalAdmin: 'regional-admin',
  /** Reads audit trails and reports; changes nothing. */
  auditor: 'auditor',
  /** Federal hub operator: aggregates across regions, never personal data. */
  federalOperator: 'federal-operator',
} as const;

/** Roles of machine clients (client-credentials grant) of partner channels and services. */
export const machineRoles = {
  /** The post operator's system submitting applications taken at post offices. */
  postChannel: 'partner-post',
  /** A bank reporting fee payments to the budget. */
  bank: 'partner-bank',
  /** An MFC's cash desk system posting fees paid in cash at the counter. */
  cashDesk: 'partner-cash-desk',
  /** The synchroniser that uploads what a mobile office collected while offline. */
  mobileSync: 'partner-mobile-sync',
  /** The federal hub collecting the node's aggregate indicators. */
  federalHub: 'partner-federal-hub',
  /** Okno's own services calling each other. */
  service: 'okno-service',
} as const;

export type PersonRole = (typeof personRoles)[keyof typeof personRoles];
export type MachineRole = (typeof machineRoles)[keyof typeof machineRoles];
export type Role = PersonRole | MachineRole;

export const allRoles: readonly Role[] = [
  ...Object.values(personRoles),
  ...Object.values(machineRoles),
];

/** Who applies for services: citizens and business representatives. */
export const applicantRoles = [personRoles.citizen, personRoles.businessRepresentative] as const;

/** Every person role but the applicants': what a staff record may hold. */
export const staffRoles = Object.values(personRoles).filter(
  (r) => !(applicantRoles as readonly string[]).includes(r),
) as [PersonRole, ...PersonRole[]];

/** Front-office roles: they act on an applicant's behalf at an office, so carry `office`. */
export const frontOfficeRoles: readonly PersonRole[] = [
  personRoles.mfcOfficer,
  personRoles.postOfficer,
  personRoles.mobileOfficer,
];

/** Staff roles that belong to an agency, so their tokens carry `agency`. */
export const agencyStaffRoles: readonly PersonRole[] = [
  ...frontOfficeRoles,
  personRoles.backOfficeOfficer,
  personRoles.supervisor,
  personRoles.catalogueEditor,
];

/**
 * What a staff record must name for its roles to make sense (the token claims the services
 * rely on): agency roles an agency, front-office roles an office. One entry per missing field,
 * with the roles that need it; none when the record is complete.
 */
export function missingPlacement(
  roles: readonly PersonRole[],
  placement: { agency?: string | undefined; office?: string | undefined },
): { field: 'agency' | 'office'; roles: PersonRole[] }[] {
  const missing: { field: 'agency' | 'office'; roles: PersonRole[] }[] = [];
  const needAgency = roles.filter((r) => agencyStaffRoles.includes(r));
  if (needAgency.length > 0 && !placement.agency)
    missing.push({ field: 'agency', roles: needAgency });
  const needOffice = roles.filter((r) => frontOfficeRoles.includes(r));
  if (needOffice.length > 0 && !placement.office)
    missing.push({ field: 'office', roles: needOffice });
  return missing;
}

/** The claims every Okno access token carries beyond the standard ones (see docs/identity.md). */
export const oknoClaims = {
  region: 'region',
  agency: 'agency',
  office: 'office',
  company: 'company',
} as const;
