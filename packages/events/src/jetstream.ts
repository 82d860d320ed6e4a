import { headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  StorageType,
  type JsMsg,
} from '@nats-io/jetstream';
import type { EventEnvelope } from './envelope';
import type { Publish } from './outbox-relay';

export interface EventStreamOptions {
  /** Stream name, e.g. `OKNO_RU_KEM`. */
  name: string;
  /** Subject prefix; events go to `<prefix>.<event type>`. */
  subjectPrefix: string;
  /** How long JetStream remembers message ids to drop duplicate publishes. */
  duplicateWindowMs?: number;
}

/** Creates the stream, or updates it to these options. File storage: events must survive restarts. */
export async function ensureEventStream(nc: NatsConnection, options: EventStreamOptions) {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: options.name,
    subjects: [`${options.subjectPrefix}.>`],
    storage: StorageType.File,
    duplicate_window: nanos(options.duplicateWindowMs ?? 2 * 60_000),
  };
  try {
    await jsm.streams.info(options.name);
    await jsm.streams.update(options.name, config);
  } catch (error) {
    if (!/stream not found/i.test(String(error))) throw error;
    await jsm.streams.add(config);
  }
}

/**
 * Publishes outbox events to JetStream with `msgID` = event id, so a publish repeated within
 * the duplicate window (a relay that crashed before marking the event) is stored only once.
 */
export function createJetStreamPublisher(nc: NatsConnection, subjectPrefix: string): Publish {
  const js = jetstream(nc);
  return async (event) => {
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(event.headers)) headers.set(key, value);
    await js.publish(`${subjectPrefix}.${event.type}`, JSON.stringify(toWire(event)), {
      msgID: event.id,
      headers,
    });
  };
}

export interface JetStreamConsumerOptions {
  stream: string;
  /** Durable consumer name: its position survives restarts. */
  durable: string;
  filterSubject: string;
  handle: (event: EventEnvelope) => Promise<unknown>;
  /** Redelivery delay after a failed handling. */
  retryDelayMs?: number;
}

/**
 * Runs a durable pull consumer: each message is acknowledged only after `handle` (an
 * idempotent consumer whose transaction has committed) returns, and redelivered otherwise.
 */
export async function consumeEvents(nc: NatsConnection, options: JetStreamConsumerOptions) {
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(options.stream, {
    durable_name: options.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: options.filterSubject,
  });
  const consumer = await jetstream(nc).consumers.get(options.stream, options.durable);
  // Pulls that expire in 5 s (the client's default is 30 s): after a broker restart the client
  // re-checks its consumer with a back-off of `expires`, and heartbeats come at half of it, so
  // this bounds how long deliveries stall after a blip. An idle pull every 5 s costs nothing.
  const messages = await consumer.consume({ expires: 5_000 });
  const done = (async () => {
    for await (const message of messages) {
      try {
        await options.handle(fromMessage(message));
        message.ack();
      } catch {
        message.nak(options.retryDelayMs ?? 1000);
      }
    }
  })();
  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}

type Wire = { id: string; type: string; payload: Record<string, unknown>; occurredAt: string };

function toWire(event: EventEnvelope): Wire {
  return {
    id: event.id,
    type: event.type,
    payload: event.payload,
    occurredAt: event.occurredAt.toISOString(),
  };
}

function fromMessage(message: JsMsg): EventEnvelope {
  const wire = message.json<Wire>();
  const headers: Record<string, string> = {};
  for (const key of message.headers?.keys() ?? []) {
    const value = message.headers?.get(key);
    if (value) headers[key] = value;
  }
  return { ...wire, occurredAt: new Date(wire.occurredAt), headers };
}
