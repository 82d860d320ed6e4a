export { accessDenialAudit, type AccessDenialAuditOptions } from './access-denial-audit';
export { auditKinds, type AuditEvent, type AuditKind } from './audit-event';
export { recordAudit } from './record-audit';
export { actorOf } from './actor';
