import type { Database, OutboxTable } from '@okno/db';
import type { EventEnvelope } from '@okno/events';
import type { ServiceApp, ServiceDeps, ServiceInfo } from './create-service-app';

/**
 * What a service hands the process that hosts it: the all-in-one node mounts all five,
 * a service's own process mounts just its own, under /api/<info.name> either way.
 */
export interface ServiceModule {
  readonly info: ServiceInfo;
  create(deps: ServiceDeps): ServiceApp;
  /** The service's transactional outbox, relayed by the host after each commit. */
  readonly outbox?: OutboxTable;
  /** Demo data for a development node; must be safe to run on every start. */
  seedDemo?(db: Database): Promise<void>;
  /** Work the host runs on a schedule (deadline sweeps, retries), safe on several replicas. */
  jobs?(deps: ServiceDeps): readonly ScheduledJob[];
  /**
   * `METHOD /path` (under the service) of routes that stream their body and limit it
   * themselves, such as `POST /documents`; the node's body limit does not apply to them.
   */
  readonly ownBodyLimit?: readonly string[];
  /** Other services' events it acts on, delivered at least once (handlers must be idempotent). */
  subscriptions?(deps: ServiceDeps): readonly EventSubscription[];
}

export interface EventSubscription {
  /**
   * Stable name (`applications.fee-payments`): the durable JetStream consumer's, whose
   * position survives restarts, and the idempotent consumer's de-duplication records.
   */
  readonly name: string;
  /** Event types, NATS-style wildcards allowed (`payments.fee.paid`, `payments.>`). */
  readonly pattern: string;
  /** Fails to have the event delivered again. */
  readonly handle: (event: EventEnvelope) => Promise<unknown>;
}

export interface ScheduledJob {
  readonly name: string;
  /** How often to run; a run never overlaps the previous one. */
  readonly everyMs: number;
  run(): Promise<unknown>;
}
