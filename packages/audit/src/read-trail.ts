import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@okno/db';
import { contextOf } from './audit-context';
import type { ChainLink, TrailEvent } from './chain';
import type { Checkpoint } from './checkpoint';
import type { AuditTrail } from './verify-trail';

interface EventRow {
  id: string;
  occurred_at: string;
  kind: string;
  actor_subject: string | null;
  actor_username: string | null;
  target: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
}

/**
 * The time as PostgreSQL keeps it (microseconds, UTC), as text: a JavaScript Date keeps
 * milliseconds, and an event hashed from a rounded time would never verify.
 */
const occurredAtText = sql`to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Audit events as their chains seal them, oldest first; `where` narrows over `e`. */
export async function readTrailEvents(
  db: Executor,
  where: SQL = sql`true`,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<TrailEvent[]> {
  const rows = await queryRows<EventRow>(
    db,
    sql`select e.id, ${occurredAtText} as occurred_at, e.kind, e.actor_subject,
          e.actor_username, e.target, e.details, e.request_id
        from identity.audit_events e where ${where}
        order by e.occurred_at, e.id limit ${limit}`,
  );
  return rows.map(toTrailEvent);
}

function toTrailEvent(row: EventRow): TrailEvent {
  return {
    id: row.id,
    context: contextOf(row),
    occurredAt: row.occurred_at,
    kind: row.kind,
    actorSubject: row.actor_subject,
    actorUsername: row.actor_username,
    target: row.target,
    details: row.details,
    requestId: row.request_id,
  };
}

/**
 * The whole trail of a node's database: every event, every link, every checkpoint. It is
 * read in one go, which is fine for years of a region's security events at a few hundred
 * bytes each; the verifier needs all of it at once anyway. Read newest-evidence first
 * (checkpoints, then links, then events): each only points at rows written before it, so
 * what is sealed meanwhile never looks like a break.
 */
export async function readAuditTrail(db: Executor): Promise<AuditTrail> {
  const checkpoints = await queryRows<{ context: string; seq: string; hash: string; jws: string }>(
    db,
    sql`select context, seq, hash, jws from identity.audit_checkpoints order by context, seq`,
  );
  const links = await queryRows<{ context: string; seq: string; event_id: string; hash: string }>(
    db,
    sql`select context, seq, event_id, hash from identity.audit_chain order by context, seq`,
  );
  const events = await readTrailEvents(db);
  return {
    events,
    links: links.map((l): ChainLink => ({
      context: l.context,
      seq: Number(l.seq),
      eventId: l.event_id,
      hash: l.hash,
    })),
    checkpoints: checkpoints.map((c): Checkpoint => ({
      context: c.context,
      seq: Number(c.seq),
      hash: c.hash,
      jws: c.jws,
    })),
  };
}

/** Links of one chain after `afterSeq`, in order, each with the event it seals. */
export async function readChainLinks(
  db: Executor,
  context: string,
  afterSeq: number,
  limit: number,
): Promise<(ChainLink & { event: TrailEvent })[]> {
  const links = await queryRows<{ seq: string; event_id: string; hash: string }>(
    db,
    sql`select seq, event_id, hash from identity.audit_chain
        where context = ${context} and seq > ${afterSeq} order by seq limit ${limit}`,
  );
  if (links.length === 0) return [];
  const ids = sql.join(
    links.map((l) => sql`${l.event_id}::uuid`),
    sql`, `,
  );
  const events = new Map((await readTrailEvents(db, sql`e.id in (${ids})`)).map((e) => [e.id, e]));
  return links.map((l) => ({
    context,
    seq: Number(l.seq),
    eventId: l.event_id,
    hash: l.hash,
    // The foreign key keeps every sealed event; the events table refuses deletes.
    event: events.get(l.event_id)!,
  }));
}
