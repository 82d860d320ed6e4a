import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import type { Logger } from './logger';

const INCOMING_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (a caller's `X-Request-Id` is kept when it is sane, so one id can
 * follow a request across systems), a logger that carries it, and one access-log line.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const requestLogger = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    // Set before the handler answers: a header added to a finished response makes Hono copy
    // it, and the Node.js adapter then builds a full web Response and its body stream.
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    const status = c.res.status;
    requestLogger[status >= 500 ? 'error' : 'info'](
      {
        method: c.req.method,
        path: c.req.path,
        status,
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
