import { and, asc, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor, OutboxTable } from '@okno/db';
import type { EventEnvelope } from './envelope';

export type Publish = (event: EventEnvelope) => Promise<void>;

export interface OutboxRelayOptions {
  db: Database;
  outbox: OutboxTable;
  publish: Publish;
  batchSize?: number;
  /** How often to look for events nobody woke the relay for (another process wrote them). */
  pollIntervalMs?: number;
  /**
   * How long a claim on a batch lasts; a relay that dies mid-batch is replaced after it, so
   * this is how long a crash can hold those events back (10 s; a batch publishes in ms). A
   * relay slower than this is overtaken and its events published twice: harmless, see below.
   */
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
 * one statement (`FOR UPDATE SKIP LOCKED`, so replicas share the work), then its events are
 * published in order and marked together. No transaction is held while publishing: in-process subscribers run
 * transactions of their own, and PGlite has a single connection.
 * A crash between publish and mark means the events are published again after the claim
 * expires; JetStream's de-duplication and idempotent consumers absorb that.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, outbox, publish } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const claim = sql`now() + make_interval(secs => ${options.claimSeconds ?? 10})`;

  /**
   * The relay's own bookkeeping (claims, marks) is committed without waiting for the disk
   * (`synchronous_commit = off`): lost in a crash, it only means an event is published again,
   * which at-least-once delivery and idempotent consumers already allow. Waiting would cost a
   * WAL flush per event, which the enrolment rush showed to be most of a submission's time.
   */
  const bookkeeping = <T>(write: (tx: Executor) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      return write(tx);
    });

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
    const rows = await bookkeeping((tx) =>
      tx
        .update(outbox)
        .set({ claimedUntil: claim })
        .where(inArray(outbox.position, claimable))
        .returning(),
    );
    rows.sort((a, b) => a.position - b.position);

    // Published events are marked together, once the batch is through or one fails.
    const published: number[] = [];
    const markPublished = () =>
      published.length === 0
        ? Promise.resolve()
        : bookkeeping((tx) =>
            tx
              .update(outbox)
              .set({ publishedAt: sql`now()`, claimedUntil: null })
              .where(inArray(outbox.position, published)),
          );
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
        await markPublished();
        const rest = rows.filter((r) => r.position >= row.position).map((r) => r.position);
        await bookkeeping((tx) =>
          tx.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.position, rest)),
        );
        throw error;
      }
      published.push(row.position);
    }
    await markPublished();
    return published.length;
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
