import { newId, type Executor, type OutboxTable } from '@okno/db';
import { currentTraceHeaders, EVENT_TYPE, type EventEnvelope } from './envelope';

export interface NewEvent<P extends Record<string, unknown>> {
  type: string;
  payload: P;
  /** The event's id, when the caller must refer to it later in the same transaction. */
  id?: string;
}

/**
 * Writes an event to a context's outbox. Call it with the transaction that makes the business
 * change: the event exists if and only if the change committed.
 */
export async function enqueueEvent<P extends Record<string, unknown>>(
  tx: Executor,
  outbox: OutboxTable,
  event: NewEvent<P>,
): Promise<EventEnvelope<P>> {
  if (!EVENT_TYPE.test(event.type)) {
    throw new Error(`event type "${event.type}" is not <context>.<entity>.<past-verb>`);
  }
  const envelope: EventEnvelope<P> = {
    id: event.id ?? newId(),
    type: event.type,
    payload: event.payload,
    headers: currentTraceHeaders(),
    occurredAt: new Date(),
  };
  await tx.insert(outbox).values({
    id: envelope.id,
    type: envelope.type,
    payload: envelope.payload,
    headers: envelope.headers,
    occurredAt: envelope.occurredAt,
  });
  return envelope;
}
