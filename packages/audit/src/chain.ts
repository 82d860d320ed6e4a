import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** An audit event as its chain seals it: every field that says what happened. */
export interface TrailEvent {
  id: string;
  context: string;
  /** ISO 8601 in UTC with microseconds, exactly as stored (see read-trail.ts). */
  occurredAt: string;
  kind: string;
  actorSubject: string | null;
  actorUsername: string | null;
  target: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

/** Link `seq` of a context's chain: it seals one event. */
export interface ChainLink {
  context: string;
  seq: number;
  eventId: string;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Where a context's chain starts: no event can be "before" it. */
export const genesisHash = (context: string) => sha256(`okno-audit-chain:${context}`);

/**
 * The hash of a link: the previous link's hash and the event in RFC 8785 canonical JSON
 * (sorted keys, one spelling per number), so the same event always hashes the same in any
 * process and any language.
 */
export function linkHash(previousHash: string, event: TrailEvent): string {
  const canonical = canonicalize(event);
  if (canonical === undefined) throw new Error(`audit event ${event.id} has no JSON form`);
  return sha256(`${previousHash}\n${canonical}`);
}

/** Links sealing `events`, in this order, after the chain's current head. */
export function sealEvents(
  context: string,
  head: { seq: number; hash: string } | null,
  events: readonly TrailEvent[],
): ChainLink[] {
  let seq = head?.seq ?? 0;
  let hash = head?.hash ?? genesisHash(context);
  return events.map((event) => {
    seq += 1;
    hash = linkHash(hash, event);
    return { context, seq, eventId: event.id, hash };
  });
}
