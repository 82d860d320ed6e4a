/** What the audit trail records. New kinds are added here, so the list stays the reference. */
export const auditKinds = [
  'sign-in',
  'access-denied',
  'role-granted',
  'role-revoked',
  'staff-updated',
  'agency-saved',
  'agency-retired',
  'partner-updated',
  'profile-updated',
  'profile-read',
  'catalogue-draft-saved',
  'catalogue-published',
  'catalogue-retired',
  'catalogue-office-saved',
  'catalogue-office-retired',
  'application-decided',
  'application-issued',
  'document-uploaded',
  'document-read',
  'document-downloaded',
  'document-attached',
  'document-issued',
  'document-revoked',
  'accrual-created',
  'cash-payment-posted',
  'payment-notice-taken',
  'payment-refunded',
  'uin-issuer-registered',
  'statement-imported',
  'discrepancy-resolved',
] as const;
export type AuditKind = (typeof auditKinds)[number];

export interface AuditEvent {
  kind: AuditKind;
  /** Who did it (token subject); absent when nobody could be identified. */
  actorSubject?: string;
  actorUsername?: string;
  /** What it was done to: a person's subject, a partner's client id, a path. */
  target?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}
