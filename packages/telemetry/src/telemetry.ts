import { metrics, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion: string;
  region: string;
  /** OTLP/HTTP collector base URL; traces and metrics are exported only when it is set. */
  otlpEndpoint?: string | undefined;
  /** Extra span exporter, e.g. an in-memory one in tests (exported synchronously). */
  spanExporter?: SpanExporter;
}

export interface Telemetry {
  /** Current metrics in the Prometheus text exposition format, for /metrics. */
  metricsText(): Promise<string>;
  /** Flushes and stops exporters; call it last on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for this process: W3C trace-context propagation, a tracer provider
 * (OTLP when configured) and a meter provider read by Prometheus on /metrics (and pushed over
 * OTLP when configured). Only main.ts files call it; everything else uses the API.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.serviceName,
    [ATTR_SERVICE_VERSION]: options.serviceVersion,
    'okno.region': options.region,
  });

  const spanProcessors: SpanProcessor[] = [];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (options.spanExporter) spanProcessors.push(new SimpleSpanProcessor(options.spanExporter));
  // Without an exporter no span goes anywhere, so none is made: no tracer provider and no
  // context manager (on Node.js 20 the AsyncLocalStorage context alone cost a third of the
  // node's cached reads per second; docs/performance.md). Logs then carry request ids but no
  // trace ids. With an exporter, OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG choose how
  // many traces are kept.
  const tracerProvider =
    spanProcessors.length > 0 ? new NodeTracerProvider({ resource, spanProcessors }) : null;
  tracerProvider?.register({ propagator: new W3CTraceContextPropagator() });

  // The exporter is only a reader here: /metrics is served by the app, not a second port.
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const readers: MetricReader[] = [prometheus];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/metrics`;
    readers.push(new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url }) }));
  }
  const meterProvider = new MeterProvider({ resource, readers });
  metrics.setGlobalMeterProvider(meterProvider);
  const serializer = new PrometheusSerializer();

  return {
    async metricsText() {
      const { resourceMetrics } = await prometheus.collect();
      return serializer.serialize(resourceMetrics);
    },
    async shutdown() {
      await Promise.allSettled([tracerProvider?.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      propagation.disable();
    },
  };
}
