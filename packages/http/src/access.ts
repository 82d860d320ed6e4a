import type { MiddlewareHandler } from 'hono';
import type { Principal } from '@okno/auth';
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

/** The caller of a route whose access already demanded one; a bug in the route if absent. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new Error('this route must declare access that requires a principal');
  return principal;
}
