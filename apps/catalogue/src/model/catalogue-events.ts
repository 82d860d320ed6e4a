/**
 * What the catalogue tells the rest of the node (and, through it, the federal hub): a service
 * version was published or a service withdrawn, an office described. Payloads carry ids and
 * the facts a consumer filters by; the content itself is read from the catalogue.
 */
export const catalogueEventTypes = {
  servicePublished: 'catalogue.service.published',
  serviceRetired: 'catalogue.service.retired',
  officeSaved: 'catalogue.office.saved',
} as const;

export interface ServicePublished extends Record<string, unknown> {
  serviceCode: string;
  /** The version's id: what applications filed under it refer to. */
  versionId: string;
  version: number;
  /** The version it supersedes; null for a service's first publication. */
  supersedes: number | null;
  level: string;
  federalCode: string | null;
  agencyCode: string;
}

export interface ServiceRetired extends Record<string, unknown> {
  serviceCode: string;
  version: number;
}

export interface OfficeSaved extends Record<string, unknown> {
  officeCode: string;
  kind: string;
  agencyCode: string;
  created: boolean;
}
