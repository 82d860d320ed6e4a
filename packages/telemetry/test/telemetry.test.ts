import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '@okno/db';
import { testDatabaseUrl } from '@okno/testing';
import { httpTelemetry, startTelemetry, type Telemetry } from '../src';

const spans = new InMemorySpanExporter();
let telemetry: Telemetry;
/** What the public cache sets when it answers before routing. */
type Env = { Variables: { route: string } };
let app: Hono<Env>;

beforeAll(() => {
  telemetry = startTelemetry({
    serviceName: 'okno-test',
    serviceVersion: '1.2.3',
    region: 'RU-KEM',
    spanExporter: spans,
  });
  const api = new Hono()
    .get('/applications/:id', (c) => c.json({ id: c.req.param('id') }))
    .get('/boom', () => {
      throw new Error('boom');
    });
  app = new Hono<Env>();
  app.use(httpTelemetry());
  // As the public cache answers before routing, naming the route that made the answer.
  app.use('/api/early/*', async (c) => {
    c.set('route', '/api/applications/:id');
    return Promise.resolve(c.json({ early: true }));
  });
  app.route('/api', api);
});
afterAll(() => telemetry.shutdown());
beforeEach(() => spans.reset());

describe('HTTP telemetry', () => {
  it('makes a server span named by the route template', async () => {
    await app.request('/api/applications/0193-abc');
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('GET /api/applications/{id}');
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.attributes).toMatchObject({
      'http.route': '/api/applications/{id}',
      'http.response.status_code': 200,
      'url.path': '/api/applications/0193-abc',
    });
  });

  it('names an answer made before routing by the route it declares', async () => {
    await app.request('/api/early/1');
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('GET /api/applications/{id}');
  });

  it('continues the caller’s trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await app.request('/api/applications/1', {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const [span] = spans.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('marks a 5xx as an error and labels unknown routes as unmatched', async () => {
    const failed = await app.request('/api/boom');
    expect(failed.status).toBe(500);
    await app.request('/nowhere');
    const [error, unmatched] = spans.getFinishedSpans();
    expect(error?.status.code).toBe(SpanStatusCode.ERROR);
    expect(unmatched?.name).toBe('GET unmatched');
    expect(unmatched?.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('exposes RED metrics per route in the Prometheus format', async () => {
    for (let i = 0; i < 3; i++) await app.request(`/api/applications/${i}`);
    const text = await telemetry.metricsText();
    const count = text
      .split('\n')
      .find(
        (line) =>
          line.startsWith('http_server_request_duration_count{') &&
          line.includes('http_route="/api/applications/{id}"') &&
          line.includes('http_response_status_code="200"'),
      );
    expect(count).toBeDefined();
    expect(Number(count?.split(' ').at(-1))).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/^# TYPE http_server_request_duration histogram$/m);
    expect(text).toMatch(/target_info\{[^}]*service_name="okno-test"/);
    expect(text).not.toContain('0193-abc'); // raw paths never become labels
  });
});

describe.skipIf(!testDatabaseUrl)('PostgreSQL spans', () => {
  it('makes a client span for every query', async () => {
    const handle = await createDb({ databaseUrl: testDatabaseUrl });
    try {
      await handle.db.execute(sql`select ${42}::int as answer`);
      const span = spans.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
      expect(span?.name).toBe('SELECT postgres');
      expect(span?.attributes).toMatchObject({
        'db.system.name': 'postgresql',
        'db.query.text': 'select $1::int as answer',
      });
    } finally {
      await handle.close();
    }
  });
});
