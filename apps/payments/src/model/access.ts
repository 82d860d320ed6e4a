import { hasAnyRole, machineRoles, personRoles, type Principal } from '@okno/auth';

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

export const isStaff = (p: Principal) => hasAnyRole(p, paymentReaders);

/** Whether an accrual is the caller's own to pay and see in full. */
export const isPayerOf = (
  p: Principal,
  a: { payerSubject: string | null; payerCompany: string | null },
) =>
  (a.payerSubject !== null && a.payerSubject === p.subject) ||
  (a.payerCompany !== null && p.company !== undefined && a.payerCompany === p.company);
