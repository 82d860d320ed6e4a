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
  const [envelope] = await enqueueEvents(tx, outbox, [event]);
  return envelope!;
}

/** Many events of one transaction in one statement (a region pack's import), in order. */
export async function enqueueEvents<P extends Record<string, unknown>>(
  tx: Executor,
  outbox: OutboxTable,
  events: readonly NewEvent<P>[],
): Promise<EventEnvelope<P>[]> {
  if (events.length === 0) return [];
  const headers = currentTraceHeaders();
  const envelopes = events.map((event): EventEnvelope<P> => {
    if (!EVENT_TYPE.test(event.type)) {
      throw new Error(`event type "${event.type}" is not <context>.<entity>.<past-verb>`);
    }
    return {
      id: event.id ?? newId(),
      type: event.type,
      payload: event.payload,
      headers,
      occurredAt: new Date(),
    };
  });
  await tx.insert(outbox).values(
    envelopes.map((e) => ({
      id: e.id,
      type: e.type,
      payload: e.payload,
      headers: e.headers,
      occurredAt: e.occurredAt,
    })),
  );
  return envelopes;
}
