/**
 * What the catalogue publishes, as data: the schemas of an agency, an office and a service
 * version. The region pack (packages/region-pack) validates its files with these, so a pack
 * that passes is one the catalogue accepts.
 */
export { AgencyContent, AgencyName } from './model/agency';
export { formErrors } from './model/form-rules';
export { OfficeContent, type OfficeContentInput } from './model/office';
export { Localized, ServiceContent, type ServiceContentInput } from './model/service-content';
