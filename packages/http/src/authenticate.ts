import type { MiddlewareHandler } from 'hono';
import { AuthenticationError, type TokenVerifier } from '@okno/auth';
import type { AppEnv } from './app-env';

/**
 * Establishes who is calling. No Authorization header means anonymous (routes decide whether
 * that is enough); a header that is present must carry a valid bearer token, or the request
 * fails with 401 whatever the route. Without a verifier (no identity provider configured)
 * every token is refused: deny by default.
 */
export function authenticate(verifier: TokenVerifier | null): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('principal', null);
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
    if (!verifier) throw new AuthenticationError('this node has no identity provider configured');
    c.set('principal', await verifier.verify(match[1]));
    return next();
  };
}
