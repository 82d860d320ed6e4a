import type { HttpBindings } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { admissionControl, type AdmissionLimits } from './admission';
import { isInProcessCall } from './in-process-call';
import { signInRateLimit, type RateLimits } from './rate-limits';
import type { AppEnv } from './app-env';
import { handleError, validationHook } from './error-handler';
import type { Logger } from './logger';
import { handOver, type NativeRoute } from './native-route';
import { problemResponse, problemTypes } from './problem';
import { servePublicCache, type PublicCache } from './public-cache';
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
  /** Load shedding (see admission.ts); none when absent. */
  admission?: AdmissionLimits;
  /** Sign-in attempts per address on the native routes (the embedded OpenID provider). */
  rateLimits?: RateLimits;
  /** Public responses services keep (see public-cache.ts), answered before routing. */
  publicCache?: PublicCache;
}

/** Probes and metrics are never shed: a busy node is still alive and ready. */
const neverShed = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Whether the request carries a body. Over HTTP/1.1 one comes with Content-Length or
 * Transfer-Encoding, read here from Node's own request: the body limit's own test reads the
 * body stream, which makes the Node.js adapter build a full web Request for every GET (that
 * alone cut a cached catalogue read from about 11,000 to 5,000 requests per second). Requests
 * made in process (`app.request`) are web Requests already.
 */
const hasBody = (c: Context) => {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return c.req.raw.body !== null;
  const { headers } = incoming;
  return headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
};

/**
 * The outermost app of a process, whether it hosts one service or the whole node:
 * request ids and access logs, telemetry, cached public answers, load shedding, body limits,
 * problem+json for unknown
 * routes.
 */
export function createRootApp(options: RootAppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Telemetry goes first, so the request's span is active in everything after it, logs included.
  for (const middleware of options.middleware ?? []) app.use(middleware);
  app.use(requestContext(options.logger));
  if (options.publicCache) app.use(servePublicCache(options.publicCache));
  if (options.admission) {
    const exempt = (c: Context) => neverShed.has(c.req.path) || isInProcessCall(c);
    app.use(admissionControl(options.admission, exempt).middleware);
  }
  // Before the body limit, which would start reading the body these handlers read themselves.
  for (const route of options.nativeRoutes ?? []) {
    if (options.rateLimits) {
      const limit = signInRateLimit(options.rateLimits);
      app.use(route.path, limit);
      app.use(`${route.path}/*`, limit);
    }
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
  app.use((c, next) =>
    !hasBody(c) || ownLimit.has(`${c.req.method} ${c.req.path}`) ? next() : limit(c, next),
  );
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
