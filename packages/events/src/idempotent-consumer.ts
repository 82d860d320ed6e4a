import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Database, ProcessedEventsTable, Transaction } from '@okno/db';
import type { EventEnvelope } from './envelope';

export interface ConsumerDefinition {
  /** Stable name; the consumer's de-duplication records are kept under it. */
  name: string;
  db: Database;
  /** The consuming context's processed_events table. */
  processed: ProcessedEventsTable;
  /** The effect, run in the same transaction that records the event as handled. */
  handle(event: EventEnvelope, tx: Transaction): Promise<void>;
}

export type Consumer = (event: EventEnvelope) => Promise<'handled' | 'duplicate'>;

const tracer = trace.getTracer('@okno/events');

/**
 * At-least-once delivery, exactly-once effect: the event id is recorded in the same
 * transaction as the effect, so a redelivery finds it and does nothing. Concurrent deliveries
 * of one event serialize on that row. The consumer's span continues the producer's trace.
 */
export function defineConsumer(definition: ConsumerDefinition): Consumer {
  return (event) => {
    const parent = propagation.extract(context.active(), event.headers);
    return tracer.startActiveSpan(
      `${event.type} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.operation.type': 'process',
          'messaging.message.id': event.id,
          'okno.consumer': definition.name,
        },
      },
      parent,
      async (span) => {
        try {
          const outcome = await definition.db.transaction(async (tx) => {
            const recorded = await tx
              .insert(definition.processed)
              .values({ consumer: definition.name, eventId: event.id })
              .onConflictDoNothing()
              .returning({ eventId: definition.processed.eventId });
            if (recorded.length === 0) return 'duplicate' as const;
            await definition.handle(event, tx);
            return 'handled' as const;
          });
          span.setAttribute('okno.outcome', outcome);
          return outcome;
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
