import type { NatsConnection } from '@nats-io/nats-core';
import type { Database } from '@okno/db';
import {
  connectNats,
  createInProcessBus,
  createJetStreamPublisher,
  createOutboxRelay,
  ensureEventStream,
  tracedPublish,
  type InProcessBus,
  type OutboxRelay,
  type Publish,
} from '@okno/events';
import type { Logger, ServiceModule } from '@okno/http';

export interface EventRelays {
  /** The in-process broker (embedded profile); null when events go to NATS. */
  readonly bus: InProcessBus | null;
  stop(): Promise<void>;
}

/**
 * Relays every hosted service's outbox: to in-process subscribers in the embedded profile,
 * to NATS JetStream when a NATS URL is configured. Same outbox, same relay, either way.
 */
export async function startEventRelays(options: {
  db: Database;
  services: readonly ServiceModule[];
  region: string;
  natsUrl: string | undefined;
  logger: Logger;
}): Promise<EventRelays> {
  let nc: NatsConnection | null = null;
  let bus: InProcessBus | null = null;
  let publish: Publish;
  if (options.natsUrl) {
    nc = await connectNats({ servers: options.natsUrl, name: `okno-${options.region}` });
    const stream = `OKNO_${options.region.replace(/\W/g, '_')}`;
    const subjectPrefix = `okno.${options.region}`;
    await ensureEventStream(nc, { name: stream, subjectPrefix });
    publish = createJetStreamPublisher(nc, subjectPrefix);
    options.logger.info({ stream, subjectPrefix }, 'relaying events to NATS JetStream');
  } else {
    bus = createInProcessBus();
    publish = bus.publish;
  }
  const relays: OutboxRelay[] = options.services.flatMap((service) =>
    service.outbox
      ? [
          createOutboxRelay({
            db: options.db,
            outbox: service.outbox,
            publish: tracedPublish(publish),
            pollIntervalMs: 250,
            onError: (error) =>
              options.logger.warn(
                { err: error, service: service.info.name },
                'event relay failed; retrying',
              ),
          }),
        ]
      : [],
  );
  for (const relay of relays) relay.start();
  return {
    bus,
    async stop() {
      await Promise.all(relays.map((relay) => relay.stop()));
      await nc?.drain();
    },
  };
}
