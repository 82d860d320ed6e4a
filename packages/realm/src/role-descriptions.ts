import type { Role } from '@okno/auth';

/** What each role is for, as shown in Keycloak's admin console and docs/identity.md. */
export const roleDescriptions: Record<Role, string> = {
  citizen: 'Applies for services for themselves; sees only their own records.',
  'business-representative': 'Applies for the company in the `company` claim.',
  'mfc-officer': "Front office at an MFC counter: applies on an applicant's behalf.",
  'post-officer': 'Front office at a post office acting as an access point.',
  'mobile-officer': 'Front office of a mobile office visiting remote settlements.',
  'back-office-officer': "Reviews and decides their agency's applications.",
  supervisor: "Oversees an agency's queues and deadlines; reassigns work.",
  'catalogue-editor': "Publishes their agency's services in the catalogue.",
  'regional-admin': 'Runs the node: offices, staff, partners, configuration.',
  auditor: 'Reads audit trails and reports; changes nothing.',
  'federal-operator': 'Federal hub operator: aggregate indicators, never personal data.',
  'partner-post': "The post operator's system submitting applications from post offices.",
  'partner-bank': 'A bank reporting fee payments.',
  'partner-cash-desk': "An MFC's cash desk system posting fees paid in cash at the counter.",
  'partner-mobile-sync': 'Uploads what a mobile office collected while offline.',
  'partner-federal-hub': "The federal hub collecting the node's aggregate indicators.",
  'okno-service': "Okno's own services calling each other.",
};
