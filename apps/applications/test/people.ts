import type { TokenClaims } from '@okno/testing';

/** The people of the applications tests, as their tokens describe them. */
export const citizen = (sub: string): TokenClaims => ({ sub, roles: ['citizen'] });

export const backOfficer = (sub: string, agency: string): TokenClaims => ({
  sub,
  roles: ['back-office-officer'],
  agency,
});

export const frontOfficer = (
  sub: string,
  role: 'mfc-officer' | 'post-officer' | 'mobile-officer',
  office: string,
): TokenClaims => ({
  sub,
  roles: [role],
  agency: role === 'post-officer' ? 'russian-post' : 'mfc',
  office,
});

/** An applicant at a counter and the passport they show. */
export const counterApplicant = (fullName: string, passport: string) => ({
  fullName,
  identityDocument: { kind: 'passport-rf', number: passport },
});
