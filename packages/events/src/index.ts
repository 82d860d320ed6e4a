export { currentTraceHeaders, type EventEnvelope } from './envelope';
export { enqueueEvent, enqueueEvents, type NewEvent } from './enqueue-event';
export { defineConsumer, type Consumer, type ConsumerDefinition } from './idempotent-consumer';
export { createInProcessBus, type EventHandler, type InProcessBus } from './in-process-bus';
export {
  consumeEvents,
  createJetStreamPublisher,
  ensureEventStream,
  type EventStreamOptions,
  type JetStreamConsumerOptions,
} from './jetstream';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
  type Publish,
} from './outbox-relay';
export { tracedPublish } from './traced-publish';
export { connect as connectNats } from '@nats-io/transport-node';
