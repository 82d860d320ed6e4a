import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Publish } from './outbox-relay';

const tracer = trace.getTracer('@okno/events');

/**
 * Wraps a publisher in a producer span that continues the trace stored with the event, and
 * hands consumers that span's context, so one trace runs from request to consumer.
 */
export function tracedPublish(publish: Publish): Publish {
  return (event) => {
    const parent = propagation.extract(context.active(), event.headers);
    return tracer.startActiveSpan(
      `${event.type} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.operation.type': 'send', 'messaging.message.id': event.id },
      },
      parent,
      async (span) => {
        const headers = { ...event.headers };
        propagation.inject(context.active(), headers);
        try {
          await publish({ ...event, headers });
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
}
