import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { IdempotencyKeysTable } from '@okno/db';
import { accessExtension, requireAccess, type Access } from './access';
import type { AppEnv } from './app-env';
import { idempotent } from './idempotency';
import { IdempotencyKeyHeader } from './idempotency-header';
import { ProblemSchema } from './problem';
import { requireJsonBody } from './require-json';

export const BEARER_SCHEME = 'bearer';

type RouteOptions = Omit<RouteConfig, 'security' | 'middleware'> & {
  /** Who may call it. Required: there is no default, so no route is open by accident. */
  access: Access;
  /** Accept `Idempotency-Key`, recording responses in this context's table. */
  idempotency?: IdempotencyKeysTable;
  /**
   * Work to do before the request's transaction opens: an idempotent route's handler runs
   * inside one, and the embedded database has a single connection, so a call to another
   * service (which queries it too) must happen here, not in the handler.
   */
  before?: MiddlewareHandler<AppEnv>[];
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/**
 * `createRoute` with Okno's rules applied: the declared access becomes both the operation's
 * `security` and its enforcement; JSON bodies require a JSON content type; idempotent routes
 * get the header and its middleware; the standard problem responses are documented.
 */
export function defineRoute<const R extends RouteOptions>(options: R) {
  const { access, idempotency, before = [], ...config } = options;
  const hasJsonBody = config.request?.body?.content?.['application/json'] !== undefined;
  const middleware: MiddlewareHandler<AppEnv>[] = [requireAccess(access), ...before];
  if (idempotency) middleware.push(idempotent(idempotency));
  if (hasJsonBody) middleware.push(requireJsonBody());

  const route = {
    ...config,
    ...(idempotency && !config.request?.headers
      ? { request: { ...config.request, headers: IdempotencyKeyHeader } }
      : {}),
    security: access === 'public' ? [] : [{ [BEARER_SCHEME]: [] }],
    ...accessExtension(access),
    middleware,
    responses: {
      400: problem('The request is malformed or has invalid parameters.'),
      ...(access === 'public'
        ? {}
        : {
            401: problem('No valid bearer token.'),
            403: problem('The caller may not do this.'),
          }),
      ...(hasJsonBody
        ? {
            413: problem('The body is too large.'),
            415: problem('The body is not JSON.'),
            422: problem('The body has invalid fields (each listed in `errors`).'),
          }
        : {}),
      ...(idempotency
        ? { 409: problem('A request with the same Idempotency-Key is still in progress.') }
        : {}),
      ...(config.method === 'get'
        ? {}
        : { 429: problem('Too many writes from this caller this minute; see Retry-After.') }),
      500: problem('The server failed; the error is logged with the request id.'),
      503: problem('The node is at capacity and shed the request; see Retry-After.'),
      ...config.responses,
    },
  };
  // A path names a resource that may not exist (or not for this caller). Added at run time
  // only, so a handler's typed responses stay those the route declares.
  if (config.request?.params && !(404 in route.responses)) {
    (route.responses as Record<number, unknown>)[404] = problem(
      'No such resource, or none the caller may see.',
    );
  }
  // exactOptionalPropertyTypes cannot relate the generic R to RouteConfig here; the concrete
  // route is checked again where it is registered with app.openapi().
  return createRoute(route as never) as unknown as typeof route & {
    path: R['path'];
    getRoutingPath(): string;
  };
}
