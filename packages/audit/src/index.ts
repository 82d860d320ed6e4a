export { accessDenialAudit, type AccessDenialAuditOptions } from './access-denial-audit';
export { auditKinds, type AuditEvent, type AuditKind } from './audit-event';
export { recordAudit } from './record-audit';
export { actorOf } from './actor';
export { genesisHash, linkHash, sealEvents, type ChainLink, type TrailEvent } from './chain';
export { checkpointHolds, signCheckpoint, type Checkpoint } from './checkpoint';
export {
  verifyAuditTrail,
  type AuditTrail,
  type Finding,
  type VerifyOptions,
} from './verify-trail';
export { auditContexts, contextOf, type AuditContext } from './audit-context';
export { readAuditTrail, readChainLinks } from './read-trail';
export { sealAuditTrail, type SealOptions, type SealResult } from './seal-trail';
