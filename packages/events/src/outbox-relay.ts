import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, OutboxTable } from '@okno/db';
import type { EventEnvelope } from './envelope';

export type Publish = (event: EventEnvelope) => Promise<void>;

export interface OutboxRelayOptions {
  db: Database;
  outbox: OutboxTable;
  publish: Publish;
  batchSize?: number;
  /** How often to look for events nobody woke the relay for (another process wrote them). */
  pollIntervalMs?: number;
  /** How long a claim on a batch lasts; a relay that dies mid-batch is replaced after it. */
  claimSeconds?: number;
  onError?: (error: unknown) => void;
}

export interface OutboxRelay {
  start(): void;
  /** Stops after the batch in hand. */
  stop(): Promise<void>;
  /** Relay now rather than at the next poll: call it after a commit that wrote events. */
  wake(): void;
  /** Publishes one batch; returns how many events were published. */
  relayOnce(): Promise<number>;
}

/**
 * Publishes a context's outbox after commit, in order, at least once. A batch is claimed in
 * one statement (`FOR UPDATE SKIP LOCKED`, so replicas share the work), then each event is
 * published and marked. No transaction is held while publishing: in-process subscribers run
 * transactions of their own, and PGlite has a single connection.
 * A crash between publish and mark means the event is published again after the claim
 * expires; JetStream's de-duplication and idempotent consumers absorb that.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, outbox, publish } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const claim = sql`now() + make_interval(secs => ${options.claimSeconds ?? 30})`;

  async function relayOnce(): Promise<number> {
    const claimable = db
      .select({ position: outbox.position })
      .from(outbox)
      .where(
        and(
          isNull(outbox.publishedAt),
          or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(outbox.position))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(outbox)
      .set({ claimedUntil: claim })
      .where(inArray(outbox.position, claimable))
      .returning();
    rows.sort((a, b) => a.position - b.position);

    let published = 0;
    for (const row of rows) {
      try {
        await publish({
          id: row.id,
          type: row.type,
          payload: row.payload,
          headers: row.headers,
          occurredAt: row.occurredAt,
        });
      } catch (error) {
        // Release the rest so they are retried in order, by this relay or another.
        const rest = rows.filter((r) => r.position >= row.position).map((r) => r.position);
        await db.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.position, rest));
        throw error;
      }
      await db
        .update(outbox)
        .set({ publishedAt: sql`now()`, claimedUntil: null })
        .where(eq(outbox.position, row.position));
      published += 1;
    }
    return published;
  }

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let pending = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  async function run() {
    let backoffMs = pollIntervalMs;
    while (running) {
      pending = false;
      try {
        const count = await relayOnce();
        backoffMs = pollIntervalMs;
        if (count === batchSize || pending) continue;
        await sleep(pollIntervalMs);
      } catch (error) {
        options.onError?.(error);
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  }

  return {
    relayOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
    wake() {
      pending = true;
      wakeUp?.();
    },
  };
}
