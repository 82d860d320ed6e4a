import type { NatsConnection } from '@nats-io/nats-core';
import type { Database } from '@okno/db';
import {
  connectNats,
  consumeEvents,
  createInProcessBus,
  createJetStreamPublisher,
  createOutboxRelay,
  ensureEventStream,
  tracedPublish,
  type InProcessBus,
  type OutboxRelay,
  type Publish,
} from '@okno/events';
import type { Logger, ServiceDeps, ServiceModule } from '@okno/http';

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
  /** What the services' subscriptions are set up with. */
  deps: ServiceDeps;
  region: string;
  natsUrl: string | undefined;
  logger: Logger;
}): Promise<EventRelays> {
  let nc: NatsConnection | null = null;
  let bus: InProcessBus | null = null;
  let publish: Publish;
  if (options.natsUrl) {
    nc = await connectNats({
      servers: options.natsUrl,
      name: `okno-${options.region}`,
      // Never give up on the broker (the client's default stops after 10 tries, 20 s): the
      // outbox keeps events meanwhile, and a node that stopped reconnecting would hold them.
      maxReconnectAttempts: -1,
    });
    const { stream, subjectPrefix } = streamOf(options.region);
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
  const subscriptions = await subscribeServices(options.services, options.deps, {
    bus,
    nc,
    region: options.region,
  });
  return {
    bus,
    async stop() {
      await Promise.all(relays.map((relay) => relay.stop()));
      await Promise.all(subscriptions.map((stop) => stop()));
      await nc?.drain();
    },
  };
}

/** The region's JetStream stream and the subjects its events are published under. */
const streamOf = (region: string) => ({
  stream: `OKNO_${region.replace(/\W/g, '_')}`,
  subjectPrefix: `okno.${region}`,
});

/**
 * Delivers other services' events to the services that subscribe to them: straight from the
 * in-process bus in the embedded profile, through a durable JetStream consumer per
 * subscription with NATS (acknowledged once handled, redelivered otherwise).
 */
async function subscribeServices(
  services: readonly ServiceModule[],
  deps: ServiceDeps,
  transport: { bus: InProcessBus | null; nc: NatsConnection | null; region: string },
): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  for (const subscription of services.flatMap((s) => s.subscriptions?.(deps) ?? [])) {
    if (transport.bus) {
      const unsubscribe = transport.bus.subscribe(subscription.pattern, subscription.handle);
      stops.push(() => Promise.resolve(unsubscribe()));
    } else if (transport.nc) {
      const { stream, subjectPrefix } = streamOf(transport.region);
      const consumer = await consumeEvents(transport.nc, {
        stream,
        // Durable names may not hold dots.
        durable: subscription.name.replace(/\W/g, '_'),
        filterSubject: `${subjectPrefix}.${subscription.pattern}`,
        handle: subscription.handle,
      });
      stops.push(() => consumer.stop());
    }
  }
  return stops;
}
