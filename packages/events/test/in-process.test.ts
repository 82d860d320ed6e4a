import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { applicationsOutbox } from '@okno/db/applications';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { createInProcessBus, createOutboxRelay, enqueueEvent } from '../src';
import { matches } from '../src/in-process-bus';
import { agencyCreatingConsumer, commitEvent, effects, unpublished } from './fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

function relayTo(consumer: ReturnType<typeof agencyCreatingConsumer>) {
  const bus = createInProcessBus();
  bus.subscribe('applications.application.*', consumer);
  return createOutboxRelay({
    db: handle.db,
    outbox: applicationsOutbox,
    publish: bus.publish,
    pollIntervalMs: 50,
    claimSeconds: 1,
  });
}

describe(`outbox with in-process dispatch on ${testDatabaseKind}`, () => {
  it('never dispatches an event whose transaction rolled back', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueEvent(tx, applicationsOutbox, {
          type: 'applications.application.submitted',
          payload: { code: 'rolled-back' },
        });
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    const relay = relayTo(agencyCreatingConsumer(handle.db));
    expect(await relay.relayOnce()).toBe(0);
    expect(await effects(handle, 'rolled-back')).toBe(0);
  });

  it('dispatches a committed event once', async () => {
    const relay = relayTo(agencyCreatingConsumer(handle.db));
    await commitEvent(handle.db, 'committed');
    expect(await relay.relayOnce()).toBe(1);
    expect(await relay.relayOnce()).toBe(0);
    expect(await effects(handle, 'committed')).toBe(1);
    expect(await unpublished(handle)).toBe(0);
  });

  it('retries a failed handler until it succeeds, with the effect exactly once', async () => {
    const relay = relayTo(agencyCreatingConsumer(handle.db, 2));
    await commitEvent(handle.db, 'flaky');
    await expect(relay.relayOnce()).rejects.toThrow('on purpose');
    await expect(relay.relayOnce()).rejects.toThrow('on purpose');
    expect(await unpublished(handle)).toBe(1);
    expect(await relay.relayOnce()).toBe(1);
    expect(await effects(handle, 'flaky')).toBe(1);
  });

  it('ignores a redelivered event', async () => {
    const consumer = agencyCreatingConsumer(handle.db);
    const event = await commitEvent(handle.db, 'redelivered');
    expect(await consumer(event)).toBe('handled');
    expect(await consumer(event)).toBe('duplicate');
    expect(await effects(handle, 'redelivered')).toBe(1);
    await relayTo(consumer).relayOnce(); // the relay's own delivery is a duplicate too
    expect(await effects(handle, 'redelivered')).toBe(1);
  });

  it('publishes in commit order', async () => {
    const seen: string[] = [];
    const bus = createInProcessBus();
    bus.subscribe('applications.>', (e) => Promise.resolve(seen.push(String(e.payload['code']))));
    for (const code of ['o1', 'o2', 'o3', 'o4']) await commitEvent(handle.db, code);
    const relay = createOutboxRelay({
      db: handle.db,
      outbox: applicationsOutbox,
      publish: bus.publish,
      batchSize: 3,
    });
    while ((await relay.relayOnce()) > 0);
    expect(seen).toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('runs in the background and reacts to wake()', async () => {
    const relay = relayTo(agencyCreatingConsumer(handle.db));
    relay.start();
    try {
      await commitEvent(handle.db, 'background');
      relay.wake();
      const deadline = Date.now() + 5000;
      while ((await effects(handle, 'background')) === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await effects(handle, 'background')).toBe(1);
    } finally {
      await relay.stop();
    }
  });
});

describe('subject patterns', () => {
  it.each([
    ['a.b.c', 'a.b.c', true],
    ['a.*.c', 'a.b.c', true],
    ['a.>', 'a.b.c', true],
    ['a.>', 'a', false],
    ['a.b', 'a.b.c', false],
    ['a.b.c.d', 'a.b.c', false],
    ['x.*.c', 'a.b.c', false],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(matches(pattern.split('.'), type.split('.'))).toBe(expected);
  });
});
