import type { MiddlewareHandler } from 'hono';
import type { Principal } from '@okno/auth';
import type { AppEnv } from './app-env';
import { unauthenticated } from './error-handler';
import { forbidden } from './problem';

/**
 * Who may call an operation. Every route declares one; the same value becomes the
 * operation's `security` in OpenAPI and the check that enforces it, so they cannot drift.
 * `roles` admits a caller holding any of them; `scopes` one whose token was granted any of
 * them. There is no "any signed-in caller": deny by default means every operation names who.
 */
export type Access = 'public' | { roles: readonly string[] } | { scopes: readonly string[] };

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async function requireAccessMiddleware(c, next) {
    if (access === 'public') return next();
    const principal = c.get('principal');
    if (!principal) {
      const response = unauthenticated(c, 'This operation requires a bearer token.');
      response.headers.set('www-authenticate', 'Bearer');
      return response;
    }
    if ('roles' in access) {
      if (!access.roles.some((r) => principal.roles.includes(r))) {
        throw forbidden(`This operation requires one of the roles: ${access.roles.join(', ')}.`);
      }
    } else if (!access.scopes.some((s) => principal.scopes.includes(s))) {
      throw forbidden(`This operation requires one of the scopes: ${access.scopes.join(', ')}.`);
    }
    return next();
  };
}

/** Middleware for routes outside `defineRoute`: the caller must hold one of the roles. */
export const requireRole = (...roles: string[]) => requireAccess({ roles });

/** Middleware for routes outside `defineRoute`: the token must carry one of the scopes. */
export const requireScope = (...scopes: string[]) => requireAccess({ scopes });

/** The caller of a route whose access already demanded one; a bug in the route if absent. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new Error('this route must declare access that requires a principal');
  return principal;
}

/** The access rule as an OpenAPI extension, so clients and tests can read who may call. */
export function accessExtension(access: Access): Record<string, readonly string[]> {
  if (access === 'public') return {};
  return 'roles' in access ? { 'x-okno-roles': access.roles } : { 'x-okno-scopes': access.scopes };
}
