import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** A caller who presented a token and was turned away: what an audit trail records. */
export interface AccessDenial {
  status: 401 | 403;
  service: string;
  method: string;
  path: string;
  requestId: string;
  /** Why, as the problem's detail told the caller. */
  reason: string;
  /** Known when the token verified but lacked the role (403). */
  subject?: string;
  username?: string;
  clientId?: string;
}

export type AccessDenialSink = (denial: AccessDenial) => void;

/**
 * Reports refused tokens (401) and refused roles (403) to the audit trail. A request without
 * any token that meets a protected route is not reported: that is every crawler on the
 * internet, and it says nothing about anyone's access.
 */
export function reportAccessDenials(
  service: string,
  sink: AccessDenialSink,
): MiddlewareHandler<AppEnv> {
  return async function reportAccessDenialsMiddleware(c, next) {
    await next();
    const status = c.res.status;
    if (status !== 401 && status !== 403) return;
    if (c.req.header('authorization') === undefined) return;
    const principal = c.get('principal') ?? undefined;
    sink({
      status,
      service,
      method: c.req.method,
      path: c.req.path,
      requestId: c.get('requestId'),
      reason: c.error?.message ?? (status === 401 ? 'token refused' : 'forbidden'),
      ...(principal && { subject: principal.subject }),
      ...(principal?.username !== undefined && { username: principal.username }),
      ...(principal?.clientId !== undefined && { clientId: principal.clientId }),
    });
  };
}
