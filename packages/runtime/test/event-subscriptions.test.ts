import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { applicationsProcessedEvents } from '@okno/db/applications';
import { paymentsOutbox } from '@okno/db/payments';
import { defineConsumer, enqueueEvent, type EventEnvelope } from '@okno/events';
import { createLogger, type ServiceModule } from '@okno/http';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { startEventRelays } from '../src/event-relays';

// The host delivers one service's events to another's subscriptions: from the in-process bus
// in the embedded profile, through a durable JetStream consumer with NATS.

const natsUrl = process.env['TEST_NATS_URL'];
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const info = (name: string) => ({ name, version: '0', title: name, description: name });
const never = () => {
  throw new Error('not served in this test');
};

function services(received: EventEnvelope[]): ServiceModule[] {
  return [
    { info: info('payments'), create: never, outbox: paymentsOutbox },
    {
      info: info('applications'),
      create: never,
      subscriptions: () => [
        {
          name: 'applications.fee-payments',
          pattern: 'payments.fee.*',
          // A real idempotent consumer: its own transaction per event, on the same database
          // the relay reads (PGlite's one connection deadlocks if the relay held one).
          handle: defineConsumer({
            name: 'applications.fee-payments',
            db: handle.db,
            processed: applicationsProcessedEvents,
            handle: (event) => Promise.resolve(void received.push(event)),
          }),
        },
      ],
    },
  ];
}

async function delivered(received: EventEnvelope[], count: number) {
  for (let i = 0; i < 200 && received.length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return received;
}

const transports = [
  { name: 'the in-process bus', natsUrl: undefined },
  ...(natsUrl ? [{ name: 'NATS JetStream', natsUrl }] : []),
];

describe.each(transports)(`event subscriptions through $name on ${testDatabaseKind}`, (t) => {
  it("delivers the events a service subscribes to, and not the others'", async () => {
    const received: EventEnvelope[] = [];
    const region = `RU-T${randomBytes(3).toString('hex')}`;
    const relays = await startEventRelays({
      db: handle.db,
      services: services(received),
      deps: { db: handle.db, verifier: null },
      region,
      natsUrl: t.natsUrl,
      logger: createLogger({ name: 'test', level: 'silent' }),
    });
    try {
      await handle.db.transaction(async (tx) => {
        await enqueueEvent(tx, paymentsOutbox, {
          type: 'payments.fee.paid',
          payload: { applicationId: region, amountMinor: 100 },
        });
        await enqueueEvent(tx, paymentsOutbox, {
          type: 'payments.refund.made',
          payload: { applicationId: region },
        });
      });
      const events = await delivered(received, 1);
      // Give a wrongly routed second event the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(events.map((e) => [e.type, e.payload['applicationId']])).toEqual([
        ['payments.fee.paid', region],
      ]);
    } finally {
      await relays.stop();
    }
  });
});
