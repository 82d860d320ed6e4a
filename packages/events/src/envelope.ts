import { context, propagation } from '@opentelemetry/api';

/**
 * An event as it travels: ids and the minimum data, named `<context>.<entity>.<past-verb>`
 * (`applications.application.submitted`). `id` is what consumers de-duplicate by.
 */
export interface EventEnvelope<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly payload: P;
  /** W3C trace context (`traceparent`, `tracestate`), so one trace spans the outbox. */
  readonly headers: Record<string, string>;
  readonly occurredAt: Date;
}

export const EVENT_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** The active trace context as event headers (empty when nothing is being traced). */
export function currentTraceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
