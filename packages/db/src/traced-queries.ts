import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type pg from 'pg';

const tracer = trace.getTracer('@okno/db');

type Query = (...args: unknown[]) => unknown;

/**
 * A CLIENT span around every query of every pooled connection (the text is the parameterized
 * SQL, never the values). It uses the OpenTelemetry API only: without a started SDK it does
 * nothing. Why not @opentelemetry/instrumentation-pg: it patches `require`, and this code base
 * loads `pg` through ESM imports (tsx, vitest), which that patch does not see.
 */
export function traceQueries(pool: pg.Pool, database: string): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    client.query = ((...args: unknown[]) => {
      const span = startQuerySpan(queryText(args[0]), database);
      const callback = args.at(-1);
      // pg's Pool#query calls client.query with a callback; Drizzle's transactions use promises.
      if (typeof callback === 'function') {
        return query(
          ...args.slice(0, -1),
          (error: Error | null | undefined, ...rest: unknown[]) => {
            endQuerySpan(span, error);
            (callback as Query)(error, ...rest);
          },
        );
      }
      return (query(...args) as Promise<unknown>).then(
        (result) => {
          endQuerySpan(span, undefined);
          return result;
        },
        (error: unknown) => {
          endQuerySpan(span, error as Error);
          throw error;
        },
      );
    }) as typeof client.query;
  });
}

function startQuerySpan(text: string, database: string): Span {
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  return tracer.startSpan(`${operation} ${database}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.namespace': database,
      'db.operation.name': operation,
      'db.query.text': text,
    },
  });
}

function endQuerySpan(span: Span, error: Error | null | undefined): void {
  if (error) {
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

function queryText(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  const text = (arg as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}
