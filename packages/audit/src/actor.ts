import type { Principal } from '@okno/auth';
import type { AuditEvent } from './audit-event';

/** Who did it and in which request, as every audit event of a request names them. */
export function actorOf(
  principal: Principal,
  requestId: string,
): Pick<AuditEvent, 'actorSubject' | 'actorUsername' | 'requestId'> {
  return {
    actorSubject: principal.subject,
    ...(principal.username !== undefined && { actorUsername: principal.username }),
    requestId,
  };
}
