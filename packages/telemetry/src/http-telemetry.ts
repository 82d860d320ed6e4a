import {
  context,
  metrics,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

const tracer = trace.getTracer('@okno/telemetry');

/**
 * One server span per request (continuing an incoming `traceparent`) and the request-duration
 * histogram, both labelled with the matched route template, never the raw path, so that
 * `/applications/{id}` is one series, not one per application. Uses the OpenTelemetry API
 * only. With `tracing: false` (no exporter takes spans) only the histogram is kept: reading
 * the incoming headers for a trace context makes the Node.js adapter build them for every
 * request, for a span nobody records.
 */
export function httpTelemetry(options: { tracing?: boolean } = {}): MiddlewareHandler {
  // Made here, not at import: the metrics API hands out no-op meters until the SDK starts.
  // RED metrics: rate and errors are counts of this histogram by status, duration its buckets.
  const duration = metrics
    .getMeter('@okno/telemetry')
    .createHistogram('http.server.request.duration', {
      description: 'Duration of HTTP server requests.',
      unit: 's',
      advice: {
        explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      },
    });
  const record = (c: Context, method: string, started: number) => {
    const attributes: Attributes = {
      'http.request.method': method,
      'http.route': routeTemplate(c),
      'http.response.status_code': c.res.status,
    };
    duration.record((performance.now() - started) / 1000, attributes);
  };
  if (options.tracing === false) {
    return async function httpMetricsMiddleware(c, next) {
      const started = performance.now();
      try {
        await next();
      } finally {
        record(c, c.req.method, started);
      }
    };
  }
  return async function httpTelemetryMiddleware(c, next) {
    const started = performance.now();
    const parent = propagation.extract(context.active(), c.req.raw.headers, headerGetter);
    const method = c.req.method;
    await tracer.startActiveSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': method, 'url.path': c.req.path },
      },
      parent,
      async (span) => {
        try {
          await next();
        } finally {
          const route = routeTemplate(c);
          const status = c.res.status;
          span.updateName(`${method} ${route}`);
          span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          record(c, method, started);
        }
      },
    );
  };
}

/**
 * The template of the route that handled the request; middleware-only matches are unmatched.
 * A response made before routing (a public cache's) names its route in the `route` variable.
 */
export function routeTemplate(c: Context): string {
  const answeredEarly = c.get('route') as string | undefined;
  const path = answeredEarly ?? matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path;
  return path === undefined ? 'unmatched' : openApiStyle(path);
}

/** `/services/:code` as `/services/{code}`, remembered: the same few templates every request. */
const templates = new Map<string, string>();
function openApiStyle(path: string): string {
  let template = templates.get(path);
  if (template === undefined) {
    template = path.replace(/:(\w+)/g, '{$1}');
    if (templates.size < 10_000) templates.set(path, template);
  }
  return template;
}

const headerGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};
