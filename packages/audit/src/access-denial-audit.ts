import type { Executor } from '@okno/db';
import type { AccessDenial, AccessDenialSink, Logger } from '@okno/http';
import { recordAudit } from './record-audit';

export interface AccessDenialAuditOptions {
  db: Executor;
  logger: Logger;
  /** At most this many denials recorded per minute by one process; the rest are counted. */
  perMinute?: number;
}

/**
 * Records refused tokens and roles in the audit trail, off the request's path (the caller's
 * 401 or 403 never waits for it). A flood of forged tokens must not become a flood of writes,
 * so each process records a bounded number per minute and logs how many it left out.
 */
export function accessDenialAudit(options: AccessDenialAuditOptions): AccessDenialSink {
  const limit = options.perMinute ?? 600;
  let windowStart = Date.now();
  let recorded = 0;
  let skipped = 0;
  return (denial: AccessDenial) => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      if (skipped > 0) {
        options.logger.warn({ skipped }, 'access denials over the audit limit were not recorded');
      }
      windowStart = now;
      recorded = 0;
      skipped = 0;
    }
    if (recorded >= limit) {
      skipped += 1;
      return;
    }
    recorded += 1;
    const { subject, username, requestId, path, ...details } = denial;
    recordAudit(options.db, {
      kind: 'access-denied',
      ...(subject !== undefined && { actorSubject: subject }),
      ...(username !== undefined && { actorUsername: username }),
      target: path,
      details,
      requestId,
    }).catch((error: unknown) => {
      options.logger.error({ err: error }, 'could not record an access denial');
    });
  };
}
