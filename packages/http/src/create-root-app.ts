import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env';
import { handleError, validationHook } from './error-handler';
import type { Logger } from './logger';
import { handOver, type NativeRoute } from './native-route';
import { problemResponse, problemTypes } from './problem';
import { requestContext } from './request-context';

export interface RootAppOptions {
  logger: Logger;
  /** Largest request body accepted, in bytes, except on `ownBodyLimit` routes. */
  maxBodyBytes?: number;
  /**
   * `METHOD /path` of routes that stream their body somewhere and limit it themselves
   * (uploads to object storage): the node-wide limit would refuse a scanned PDF.
   */
  ownBodyLimit?: readonly string[];
  /** Cross-cutting middleware run for every request, e.g. HTTP telemetry. */
  middleware?: MiddlewareHandler[];
  /** Node.js handlers that own a path and read their request bodies themselves. */
  nativeRoutes?: readonly NativeRoute[];
}

/**
 * The outermost app of a process, whether it hosts one service or the whole node:
 * request ids and access logs, telemetry, body limits, problem+json for unknown routes.
 */
export function createRootApp(options: RootAppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Telemetry goes first, so the request's span is active in everything after it, logs included.
  for (const middleware of options.middleware ?? []) app.use(middleware);
  app.use(requestContext(options.logger));
  // Before the body limit, which would start reading the body these handlers read themselves.
  for (const route of options.nativeRoutes ?? []) {
    app.all(route.path, (c) => handOver(c, route));
    app.all(`${route.path}/*`, (c) => handOver(c, route));
  }
  const maxSize = options.maxBodyBytes ?? 1024 * 1024;
  const ownLimit = new Set(options.ownBodyLimit);
  const limit = bodyLimit({
    maxSize,
    onError: (c) =>
      problemResponse(c, {
        status: 413,
        type: problemTypes.payloadTooLarge,
        title: 'Content Too Large',
        detail: `The request body exceeds ${maxSize} bytes.`,
      }),
  });
  app.use((c, next) => (ownLimit.has(`${c.req.method} ${c.req.path}`) ? next() : limit(c, next)));
  app.notFound((c) =>
    problemResponse(c, {
      status: 404,
      type: problemTypes.notFound,
      title: 'Not Found',
      detail: `No route matches ${c.req.method} ${c.req.path}.`,
    }),
  );
  app.onError(handleError);
  return app;
}
