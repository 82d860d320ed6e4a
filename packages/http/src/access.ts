import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { unauthenticated } from './error-handler';
import { forbidden } from './problem';

/**
 * Who may call an operation. Every route declares one; the same value becomes the
 * operation's `security` in OpenAPI and the check that enforces it, so they cannot drift.
 */
export type Access = 'public' | 'authenticated' | { roles: readonly string[] };

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async function requireAccessMiddleware(c, next) {
    if (access === 'public') return next();
    const principal = c.get('principal');
    if (!principal) {
      const response = unauthenticated(c, 'This operation requires a bearer token.');
      response.headers.set('www-authenticate', 'Bearer');
      return response;
    }
    if (access !== 'authenticated' && !access.roles.some((r) => principal.roles.includes(r))) {
      throw forbidden(`This operation requires one of the roles: ${access.roles.join(', ')}.`);
    }
    return next();
  };
}
