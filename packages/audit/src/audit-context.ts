import { serviceSchemas, type ServiceSchema } from '@okno/db/services';
import type { AuditKind } from './audit-event';

/** The bounded contexts whose audit events form one hash chain each: the services'. */
export const auditContexts = serviceSchemas;
export type AuditContext = ServiceSchema;

const contextOfKind: Record<Exclude<AuditKind, 'access-denied'>, AuditContext> = {
  'sign-in': 'identity',
  'role-granted': 'identity',
  'role-revoked': 'identity',
  'staff-updated': 'identity',
  'agency-saved': 'identity',
  'agency-retired': 'identity',
  'partner-updated': 'identity',
  'profile-updated': 'identity',
  'profile-read': 'identity',
  'catalogue-draft-saved': 'catalogue',
  'catalogue-published': 'catalogue',
  'catalogue-retired': 'catalogue',
  'catalogue-office-saved': 'catalogue',
  'catalogue-office-retired': 'catalogue',
  'application-decided': 'applications',
  'application-issued': 'applications',
  'document-uploaded': 'documents',
  'document-read': 'documents',
  'document-downloaded': 'documents',
  'document-attached': 'documents',
  'document-issued': 'documents',
  'document-revoked': 'documents',
  'accrual-created': 'payments',
  'cash-payment-posted': 'payments',
  'payment-notice-taken': 'payments',
  'payment-refunded': 'payments',
  'uin-issuer-registered': 'payments',
  'statement-imported': 'payments',
  'discrepancy-resolved': 'payments',
};

const isContext = (name: unknown): name is AuditContext =>
  auditContexts.includes(name as AuditContext);

/**
 * The chain an event belongs to, from what the event says (so nobody stores it twice, and
 * changing an event's kind moves it out of its chain, which the verifier reports). A refused
 * access belongs to the service that refused it; anything else unknown to identity.
 */
export function contextOf(event: { kind: string; details: Record<string, unknown> }): AuditContext {
  if (event.kind === 'access-denied') {
    const service = event.details['service'];
    return isContext(service) ? service : 'identity';
  }
  return contextOfKind[event.kind as keyof typeof contextOfKind] ?? 'identity';
}
