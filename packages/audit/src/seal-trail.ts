import { sql } from 'drizzle-orm';
import type { SigningJwk } from '@okno/crypto';
import { queryRows, type Database, type Executor } from '@okno/db';
import { auditChain, auditCheckpoints } from '@okno/db/identity';
import { auditContexts } from './audit-context';
import { sealEvents, type TrailEvent } from './chain';
import { signCheckpoint } from './checkpoint';
import { readTrailEvents } from './read-trail';

export interface SealOptions {
  /** The node's ES256 keys, current first; without any, chains grow but nothing is signed. */
  signingKeys: readonly SigningJwk[];
  /** A chain that moved is checkpointed when its last checkpoint is this old (60 s). */
  checkpointEveryMs?: number;
  /** At most this many events sealed per run (1,000); the next run takes the rest. */
  batch?: number;
}

export interface SealResult {
  sealed: number;
  checkpoints: number;
}

/** One sealer at a time in the whole region, however many processes run the job. */
const SEAL_LOCK = 0x6f6b6e6f_0a0d17n;

/**
 * Seals the audit events written since the last run into their contexts' hash chains and
 * signs a checkpoint of each chain that moved, in one transaction: a crash leaves either all
 * of it or none, and the next run starts again from the same place.
 */
export async function sealAuditTrail(db: Database, options: SealOptions): Promise<SealResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
    const events = await readTrailEvents(tx, unsealed, options.batch ?? 1000);
    const byContext = new Map<string, TrailEvent[]>();
    for (const event of events) {
      byContext.set(event.context, [...(byContext.get(event.context) ?? []), event]);
    }
    for (const [context, mine] of byContext) {
      const links = sealEvents(context, await chainHead(tx, context), mine);
      await tx.insert(auditChain).values(links);
    }
    let checkpoints = 0;
    if (options.signingKeys.length > 0) {
      for (const head of await headsDueForCheckpoint(tx, options.checkpointEveryMs ?? 60_000)) {
        await tx.insert(auditCheckpoints).values(await signCheckpoint(head, options.signingKeys));
        checkpoints += 1;
      }
    }
    return { sealed: events.length, checkpoints };
  });
}

/**
 * Events in no chain yet. Only the last day before the newest seal is searched: an event
 * becomes visible when its transaction commits, never a day after its time was taken.
 */
const unsealed = sql`e.occurred_at > coalesce(
    (select max(sealed_at) from identity.audit_chain), '-infinity'::timestamptz
  ) - interval '1 day'
  and not exists (select 1 from identity.audit_chain c where c.event_id = e.id)`;

async function chainHead(tx: Executor, context: string) {
  const [head] = await queryRows<{ seq: string; hash: string }>(
    tx,
    sql`select seq, hash from identity.audit_chain where context = ${context}
        order by seq desc limit 1`,
  );
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/** Each chain whose head is past its last checkpoint, when that checkpoint is old enough. */
async function headsDueForCheckpoint(tx: Executor, everyMs: number) {
  const due = [];
  for (const context of auditContexts) {
    const head = await chainHead(tx, context);
    if (!head) continue;
    const [last] = await queryRows<{ seq: string; old_enough: boolean }>(
      tx,
      sql`select seq, signed_at <= now() - ${everyMs} * interval '1 millisecond' as old_enough
          from identity.audit_checkpoints where context = ${context}
          order by seq desc limit 1`,
    );
    if (!last || (head.seq > Number(last.seq) && last.old_enough)) due.push({ context, ...head });
  }
  return due;
}
