/**
 * Who the identity service takes in, as data: a staff member and a demo applicant as a region
 * imports them. The region pack (packages/region-pack) validates its files with these, so a
 * pack that passes is one the node accepts.
 */
export { DemoApplicant, ImportedStaffMember, Username } from './directory/people-content';
