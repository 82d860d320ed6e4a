import { hasAnyRole, hasRole, machineRoles, personRoles, type Principal } from '@okno/auth';

/** Who pays through the portal: for themselves or their company. */
export const payerRoles = [personRoles.citizen, personRoles.businessRepresentative];

/** Staff who see what is paid: the officers deciding applications, their supervisors, auditors. */
export const paymentReaders = [
  personRoles.backOfficeOfficer,
  personRoles.supervisor,
  personRoles.auditor,
  personRoles.mfcOfficer,
  personRoles.postOfficer,
  personRoles.mobileOfficer,
];

/** Who may see payments and accruals at all; object-level checks narrow it (payers see their own). */
export const paymentViewers = [...payerRoles, ...paymentReaders];

/**
 * Who may charge a fine or fee outside an application: agencies' officers, front offices
 * (with UINs of their own issuer, even made offline) and the mobile offices' synchroniser.
 */
export const accrualIssuers = [
  personRoles.backOfficeOfficer,
  personRoles.supervisor,
  personRoles.mfcOfficer,
  personRoles.postOfficer,
  personRoles.mobileOfficer,
  machineRoles.mobileSync,
];

/** Partner systems that post cash taken at their counters. */
export const cashPosters = [machineRoles.postChannel, machineRoles.cashDesk];

/** Who returns money and settles statements: supervisors, under audit. */
export const moneyOfficers = [personRoles.supervisor, personRoles.regionalAdmin];

/** Who reads the ledger: auditors and the people answerable for the money. */
export const ledgerReaders = [
  personRoles.auditor,
  personRoles.supervisor,
  personRoles.regionalAdmin,
];

const frontOffice = [personRoles.mfcOfficer, personRoles.postOfficer, personRoles.mobileOfficer];
const backOffice = [personRoles.backOfficeOfficer, personRoles.supervisor];

interface AccrualFacts {
  payerSubject: string | null;
  payerCompany: string | null;
  agencyCode: string | null;
}

/** Back-office staff of the agency answerable for the accrual's money. */
const isOfItsAgency = (p: Principal, a: AccrualFacts) =>
  hasAnyRole(p, backOffice) && a.agencyCode !== null && p.agency === a.agencyCode;

/**
 * Staff who see an accrual and all its payments: any front office (one window: a person may
 * ask at any counter whether their fee is paid), auditors, and the back office of the agency
 * the money is for. Another agency's officers do not.
 */
export const mayOversee = (p: Principal, a: AccrualFacts) =>
  hasAnyRole(p, [...frontOffice, personRoles.auditor]) || isOfItsAgency(p, a);

/** Who sees an accrual: its payer, or staff who oversee it. */
export const maySeeAccrual = (p: Principal, a: AccrualFacts) => isPayerOf(p, a) || mayOversee(p, a);

/** Who may return an accrual's money: its agency's supervisors, or the region's administrator. */
export const mayRefund = (p: Principal, a: AccrualFacts) =>
  hasRole(p, personRoles.regionalAdmin) ||
  (hasRole(p, personRoles.supervisor) && isOfItsAgency(p, a));

/** Whether an accrual is the caller's own to pay and see in full. */
export const isPayerOf = (
  p: Principal,
  a: { payerSubject: string | null; payerCompany: string | null },
) =>
  (a.payerSubject !== null && a.payerSubject === p.subject) ||
  (a.payerCompany !== null && p.company !== undefined && a.payerCompany === p.company);
