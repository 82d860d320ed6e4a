import { canReach, hasAnyRole, personRoles, type Principal } from '@okno/auth';

/** What access to a document depends on. */
export interface DocumentFacts {
  region: string;
  ownerSub: string | null;
  /** The agencies deciding the applications it is attached to. */
  agencies: readonly string[];
}

/** Who holds a wallet: people applying for themselves or for their company. */
export const walletHolders = [personRoles.citizen, personRoles.businessRepresentative];

/** Who reads the documents of applications their agency decides. */
export const decidingOfficers = [personRoles.backOfficeOfficer, personRoles.supervisor];

/** The wallet's holder. */
export const isOwner = (p: Principal, d: DocumentFacts) =>
  d.ownerSub !== null && p.region === d.region && p.subject === d.ownerSub;

/** An officer of an agency deciding an application the document is attached to. */
export const isDecidingOfficer = (p: Principal, d: DocumentFacts) =>
  hasAnyRole(p, decidingOfficers) &&
  d.agencies.some((agency) => canReach(p, { region: d.region, agency }));

/**
 * Who may read a document and its bytes: the applicant whose wallet it is in, and officers of
 * the agencies whose applications it is attached to. Nobody else, whatever their role.
 */
export const mayReadDocument = (p: Principal, d: DocumentFacts) =>
  isOwner(p, d) || isDecidingOfficer(p, d);
