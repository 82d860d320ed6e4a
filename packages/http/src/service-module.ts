import type { Database, OutboxTable } from '@okno/db';
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
}

export interface ScheduledJob {
  readonly name: string;
  /** How often to run; a run never overlaps the previous one. */
  readonly everyMs: number;
  run(): Promise<unknown>;
}
