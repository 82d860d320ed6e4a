import type { CatalogueVersion } from '../catalogue-client';

/** What an applicant of this type owes for the service, in kopecks (the catalogue's fees). */
export const feeDue = (version: CatalogueVersion, applicantType: 'citizen' | 'business'): number =>
  feesDue(version, applicantType).reduce((sum, fee) => sum + fee.amountMinor, 0);

/** The catalogue's fees that apply to an applicant of this type. */
export const feesDue = (version: CatalogueVersion, applicantType: 'citizen' | 'business') =>
  version.content.fees.filter(
    (fee) => fee.applicantType === applicantType || fee.applicantType === 'any',
  );

export const feePaid = (a: { feeDueMinor: number; feePaidMinor: number }): boolean =>
  a.feePaidMinor >= a.feeDueMinor;

/** Roubles as people write them: 3 500,00 ₽. */
export const roubles = (minor: number): string =>
  `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(minor / 100)} ₽`;
