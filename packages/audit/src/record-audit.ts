import { newId, type Executor } from '@okno/db';
import { auditEvents } from '@okno/db/identity';
import type { AuditEvent } from './audit-event';

/**
 * Appends events to the region's audit trail (identity.audit_events, append-only by a
 * database trigger). Pass the transaction of the change being audited, so the change and its
 * record commit together or not at all.
 */
export async function recordAudit(db: Executor, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(
    events.map((e) => ({
      id: newId(),
      kind: e.kind,
      actorSubject: e.actorSubject ?? null,
      actorUsername: e.actorUsername ?? null,
      target: e.target ?? null,
      details: e.details ?? {},
      requestId: e.requestId ?? null,
    })),
  );
}
