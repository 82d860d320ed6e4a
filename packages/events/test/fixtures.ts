import { eq, sql } from 'drizzle-orm';
import { newId, queryRows, type Database, type DatabaseHandle } from '@okno/db';
import { applicationsOutbox } from '@okno/db/applications';
import { agencies, catalogueProcessedEvents } from '@okno/db/catalogue';
import { defineConsumer, enqueueEvent, type EventEnvelope } from '../src';

/** A business change and its event, committed together in the applications context. */
export async function commitEvent(db: Database, code: string) {
  return db.transaction(async (tx) =>
    enqueueEvent(tx, applicationsOutbox, {
      type: 'applications.application.submitted',
      payload: { code },
    }),
  );
}

/** A consumer in another context whose visible effect is one agency row per event. */
export function agencyCreatingConsumer(db: Database, failFirst = 0) {
  let failures = failFirst;
  return defineConsumer({
    name: 'catalogue.test-consumer',
    db,
    processed: catalogueProcessedEvents,
    async handle(event: EventEnvelope, tx) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('consumer failed on purpose');
      }
      const code = String(event.payload['code']);
      await tx
        .insert(agencies)
        .values({ id: newId(), code: `${code}-${newId()}`, name: { ru: code } });
    },
  });
}

/** How many times the consumer's effect happened for `code`. */
export async function effects(handle: DatabaseHandle, code: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from catalogue.agencies where name->>'ru' = ${code}`,
  );
  return rows[0]?.n ?? -1;
}

export async function unpublished(handle: DatabaseHandle): Promise<number> {
  const rows = await handle.db
    .select({ id: applicationsOutbox.id })
    .from(applicationsOutbox)
    .where(sql`${applicationsOutbox.publishedAt} is null`);
  return rows.length;
}

export async function processedCount(handle: DatabaseHandle, eventId: string): Promise<number> {
  const rows = await handle.db
    .select()
    .from(catalogueProcessedEvents)
    .where(eq(catalogueProcessedEvents.eventId, eventId));
  return rows.length;
}
