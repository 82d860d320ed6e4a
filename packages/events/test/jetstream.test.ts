import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { applicationsOutbox } from '@okno/db/applications';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import {
  connectNats,
  consumeEvents,
  createJetStreamPublisher,
  createOutboxRelay,
  ensureEventStream,
  type EventEnvelope,
  type Publish,
} from '../src';
import {
  agencyCreatingConsumer,
  commitEvent,
  effects,
  processedCount,
  unpublished,
} from './fixtures';

const natsUrl = process.env['TEST_NATS_URL'];

describe.skipIf(!natsUrl)(`outbox relayed through NATS JetStream on ${testDatabaseKind}`, () => {
  let handle: DatabaseHandle;
  let nc: NatsConnection;
  const run = randomBytes(4).toString('hex');
  const stream = `OKNO_TEST_${run}`;
  const prefix = `okno-test-${run}`;
  const duplicateWindowMs = 1000;

  beforeAll(async () => {
    handle = await createTestDatabase();
    nc = await connectNats({ servers: natsUrl ?? '' });
    await ensureEventStream(nc, { name: stream, subjectPrefix: prefix, duplicateWindowMs });
  });
  afterAll(async () => {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream);
    await nc.close();
    await handle.close();
  });

  const storedMessages = async () =>
    (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;

  async function until(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Runs the consuming side: a durable JetStream consumer feeding an idempotent consumer. */
  async function startConsumer(durable: string, received: EventEnvelope[]) {
    const consumer = agencyCreatingConsumer(handle.db);
    return consumeEvents(nc, {
      stream,
      durable,
      filterSubject: `${prefix}.>`,
      handle: async (event) => {
        received.push(event);
        return consumer(event);
      },
    });
  }

  it('survives a relay stopped between commit and publish, and one that died after publishing', async () => {
    const publish = createJetStreamPublisher(nc, prefix);
    const before = await storedMessages();

    // Commit while no relay runs: the event waits in the outbox.
    const event = await commitEvent(handle.db, 'crash');
    expect(await unpublished(handle)).toBe(1);

    // A relay publishes to JetStream, then dies before marking the event published.
    const dying: Publish = async (e) => {
      await publish(e);
      throw new Error('relay process killed after publish');
    };
    const first = createOutboxRelay({
      db: handle.db,
      outbox: applicationsOutbox,
      publish: dying,
      claimSeconds: 1,
    });
    await expect(first.relayOnce()).rejects.toThrow('killed');
    expect(await unpublished(handle)).toBe(1);

    // A restarted relay publishes it again; JetStream drops the duplicate by message id.
    const second = createOutboxRelay({
      db: handle.db,
      outbox: applicationsOutbox,
      publish,
      claimSeconds: 1,
    });
    expect(await second.relayOnce()).toBe(1);
    expect(await unpublished(handle)).toBe(0);
    expect(await storedMessages()).toBe(before + 1);

    const received: EventEnvelope[] = [];
    const consumer = await startConsumer(`crash-${run}`, received);
    try {
      await until(async () => (await effects(handle, 'crash')) === 1, 'the effect');
      await new Promise((r) => setTimeout(r, 300));
      expect(await effects(handle, 'crash')).toBe(1);
      expect(await processedCount(handle, event.id)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('ignores a message replayed after the de-duplication window', async () => {
    const publish = createJetStreamPublisher(nc, prefix);
    const event = await commitEvent(handle.db, 'replayed');
    const before = await storedMessages();
    await publish(event);
    await publish(event); // inside the window: dropped by JetStream
    expect(await storedMessages()).toBe(before + 1);
    await new Promise((r) => setTimeout(r, duplicateWindowMs + 500));
    await publish(event); // past the window: JetStream stores it again
    expect(await storedMessages()).toBe(before + 2);

    const received: EventEnvelope[] = [];
    const consumer = await startConsumer(`replay-${run}`, received);
    try {
      await until(
        () => Promise.resolve(received.filter((e) => e.id === event.id).length === 2),
        'both copies',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(await effects(handle, 'replayed')).toBe(1);
      expect(await processedCount(handle, event.id)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('carries trace context and the event intact in message headers', async () => {
    const publish = createJetStreamPublisher(nc, prefix);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const event: EventEnvelope = {
      id: '019a0000-0000-7000-8000-00000000abcd',
      type: 'applications.application.submitted',
      payload: { code: 'traced', nested: { n: 1 } },
      headers: { traceparent },
      occurredAt: new Date('2026-11-22T10:00:00.000Z'),
    };
    await publish(event);
    const received: EventEnvelope[] = [];
    const consumer = await startConsumer(`trace-${run}`, received);
    try {
      await until(
        () => Promise.resolve(received.some((e) => e.id === event.id)),
        'the traced event',
      );
      const got = received.find((e) => e.id === event.id);
      expect(got?.headers['traceparent']).toBe(traceparent);
      expect(got?.payload).toEqual(event.payload);
      expect(got?.occurredAt.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    } finally {
      await consumer.stop();
    }
  });
});
