import type { JWTVerifyGetKey } from 'jose';
import { genesisHash, linkHash, type ChainLink, type TrailEvent } from './chain';
import { checkpointHolds, type Checkpoint } from './checkpoint';

/** Everything the verifier reads: the events, their chains, the signed checkpoints. */
export interface AuditTrail {
  events: readonly TrailEvent[];
  links: readonly ChainLink[];
  checkpoints: readonly Checkpoint[];
}

export interface Finding {
  context: string;
  seq?: number;
  eventId?: string;
  problem: string;
}

export interface VerifyOptions {
  /** Public keys of the node that signed the checkpoints, by kid. */
  keys: JWTVerifyGetKey;
  /** When the trail was read: an event may wait this long for its seal. */
  now: Date;
  /** How long the sealer may take to seal a new event (default 10 minutes). */
  sealWithinMs?: number;
}

/**
 * Checks an audit trail end to end and names every break: a link whose event is missing,
 * changed, moved or belongs elsewhere; a gap or repeat in a chain's numbering; an event in no
 * chain (or in two); a checkpoint whose signature fails or whose chain no longer reaches it or
 * no longer has its hash. A chain rewritten from some link on is caught by the first signed
 * checkpoint after it; only what was sealed after the last checkpoint rests on the database
 * alone, so checkpoints are frequent (and worth copying off the node).
 */
export async function verifyAuditTrail(
  trail: AuditTrail,
  options: VerifyOptions,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const eventsById = new Map(trail.events.map((e) => [e.id, e]));
  const sealedAt = new Map<string, ChainLink>();
  const chains = new Map<string, ChainLink[]>();
  for (const link of trail.links) {
    const chain = chains.get(link.context);
    if (chain) chain.push(link);
    else chains.set(link.context, [link]);
  }

  for (const [context, unordered] of chains) {
    const links = [...unordered].sort((a, b) => a.seq - b.seq);
    let previous = genesisHash(context);
    let expectedSeq = 1;
    for (const link of links) {
      const at = { context, seq: link.seq, eventId: link.eventId };
      if (link.seq !== expectedSeq) {
        findings.push({
          ...at,
          problem:
            link.seq < expectedSeq
              ? `link ${link.seq} appears twice`
              : `links ${expectedSeq} to ${link.seq - 1} are missing`,
        });
      }
      expectedSeq = link.seq + 1;
      const twice = sealedAt.get(link.eventId);
      if (twice) {
        findings.push({
          ...at,
          problem: `the event is also sealed by ${twice.context} link ${twice.seq}`,
        });
      }
      sealedAt.set(link.eventId, link);
      const event = eventsById.get(link.eventId);
      if (!event) {
        findings.push({ ...at, problem: 'the sealed event is missing (deleted)' });
      } else if (event.context !== context) {
        findings.push({
          ...at,
          problem: `the sealed event now says it belongs to ${event.context}`,
        });
      } else if (linkHash(previous, event) !== link.hash) {
        findings.push({
          ...at,
          problem:
            'the link does not match its event and the link before (changed, inserted or moved)',
        });
      }
      // Go on from the stored hash, so one break is reported once, where it is.
      previous = link.hash;
    }
  }

  const grace = options.sealWithinMs ?? 10 * 60_000;
  for (const event of trail.events) {
    if (sealedAt.has(event.id)) continue;
    if (options.now.getTime() - Date.parse(event.occurredAt) > grace) {
      findings.push({
        context: event.context,
        eventId: event.id,
        problem: 'the event is in no chain (inserted afterwards, or the sealer is not running)',
      });
    }
  }

  for (const checkpoint of trail.checkpoints) {
    const at = { context: checkpoint.context, seq: checkpoint.seq };
    if (!(await checkpointHolds(checkpoint, options.keys))) {
      findings.push({ ...at, problem: 'the checkpoint signature is not valid for what it says' });
      continue;
    }
    const link = chains.get(checkpoint.context)?.find((l) => l.seq === checkpoint.seq);
    if (!link) {
      findings.push({
        ...at,
        problem: 'the chain no longer reaches this signed checkpoint (truncated)',
      });
    } else if (link.hash !== checkpoint.hash) {
      findings.push({ ...at, problem: 'the chain was rewritten before this signed checkpoint' });
    }
  }
  return findings;
}
