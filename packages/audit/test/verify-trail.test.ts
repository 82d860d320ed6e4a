import { randomUUID } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import { generateSigningKey } from '@okno/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  linkHash,
  sealEvents,
  signCheckpoint,
  verifyAuditTrail,
  type AuditTrail,
  type ChainLink,
  type Checkpoint,
  type TrailEvent,
} from '../src';

const signingKey = generateSigningKey();
const { d: _d, ...publicKey } = signingKey;
const options = { keys: createLocalJWKSet({ keys: [publicKey] }), now: new Date('2026-12-01') };

/** A trail of two contexts, each chain checkpointed halfway and at its end. */
async function sampleTrail(perContext = 50): Promise<AuditTrail> {
  const events: TrailEvent[] = [];
  const links: ChainLink[] = [];
  const checkpoints: Checkpoint[] = [];
  for (const context of ['identity', 'payments']) {
    const mine = Array.from({ length: perContext }, (_, i) => event(context, i));
    const chain = sealEvents(context, null, mine);
    for (const at of [chain[perContext / 2 - 1]!, chain.at(-1)!]) {
      checkpoints.push(await signCheckpoint(at, [signingKey]));
    }
    events.push(...mine);
    links.push(...chain);
  }
  return { events, links, checkpoints };
}

function event(context: string, i: number): TrailEvent {
  return {
    id: randomUUID(),
    context,
    occurredAt: `2026-11-0${1 + (i % 9)}T10:00:${String(i % 60).padStart(2, '0')}.123456Z`,
    kind: i % 3 === 0 ? 'document-read' : 'sign-in',
    actorSubject: `subject-${i}`,
    actorUsername: i % 2 === 0 ? `user${i}` : null,
    target: i % 4 === 0 ? null : `target-${i}`,
    details: { n: i, path: `/api/x/${i}`, nested: { ok: true } },
    requestId: `request-${i}`,
  };
}

/** A pseudo-random sequence with a fixed seed: a failing mutation can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n: number) => Math.floor(next() * n) };
}

type Mutation = (trail: AuditTrail, pick: (n: number) => number) => AuditTrail;

const editedFields: ((e: TrailEvent) => TrailEvent)[] = [
  (e) => ({ ...e, kind: e.kind === 'sign-in' ? 'role-granted' : 'sign-in' }),
  (e) => ({ ...e, actorSubject: `${e.actorSubject}-x` }),
  (e) => ({ ...e, actorUsername: e.actorUsername === null ? 'someone' : null }),
  (e) => ({ ...e, target: e.target === null ? 'elsewhere' : null }),
  (e) => ({ ...e, details: { ...e.details, n: Number(e.details['n']) + 1 } }),
  (e) => ({ ...e, occurredAt: e.occurredAt.replace('.123456Z', '.123457Z') }),
  (e) => ({ ...e, requestId: null }),
  (e) => ({ ...e, context: e.context === 'identity' ? 'payments' : 'identity' }),
];

/** Every kind of single change to a stored trail the verifier must notice. */
const mutations: Record<string, Mutation> = {
  'edit a field of an event': ({ events, ...rest }, pick) => {
    const i = pick(events.length);
    const edit = editedFields[pick(editedFields.length)]!;
    return { ...rest, events: events.map((e, j) => (j === i ? edit(e) : e)) };
  },
  'delete an event': ({ events, ...rest }, pick) => {
    const i = pick(events.length);
    return { ...rest, events: events.filter((_, j) => j !== i) };
  },
  'delete an event and its link': ({ events, links, checkpoints }, pick) => {
    const gone = links[pick(links.length)]!;
    return {
      events: events.filter((e) => e.id !== gone.eventId),
      links: links.filter((l) => l !== gone),
      checkpoints,
    };
  },
  'delete a link': ({ links, ...rest }, pick) => {
    const i = pick(links.length);
    return { ...rest, links: links.filter((_, j) => j !== i) };
  },
  'insert an event': ({ events, ...rest }, pick) => ({
    ...rest,
    events: [...events, event(pick(2) === 0 ? 'identity' : 'payments', 1000 + pick(1000))],
  }),
  'insert a sealed event into a chain': ({ events, links, checkpoints }, pick) => {
    const at = links[pick(links.length)]!;
    const fake = event(at.context, 2000 + pick(1000));
    const before = links.find((l) => l.context === at.context && l.seq === at.seq - 1);
    const hash = before ? linkHash(before.hash, fake) : 'genesis-forged';
    const shifted = links.map((l) =>
      l.context === at.context && l.seq >= at.seq ? { ...l, seq: l.seq + 1 } : l,
    );
    return {
      events: [...events, fake],
      links: [...shifted, { context: at.context, seq: at.seq, eventId: fake.id, hash }],
      checkpoints,
    };
  },
  'swap two events in a chain': ({ links, ...rest }, pick) => {
    const a = links[pick(links.length)]!;
    const sameChain = links.filter((l) => l.context === a.context && l !== a);
    const b = sameChain[pick(sameChain.length)]!;
    return {
      ...rest,
      links: links.map((l) =>
        l === a ? { ...l, eventId: b.eventId } : l === b ? { ...l, eventId: a.eventId } : l,
      ),
    };
  },
  'edit a link hash': ({ links, ...rest }, pick) => {
    const i = pick(links.length);
    return {
      ...rest,
      links: links.map((l, j) => (j === i ? { ...l, hash: `${l.hash.slice(1)}A` } : l)),
    };
  },
  'edit a checkpoint': ({ checkpoints, ...rest }, pick) => {
    const i = pick(checkpoints.length);
    return {
      ...rest,
      checkpoints: checkpoints.map((c, j) => (j === i ? { ...c, seq: c.seq - 1 } : c)),
    };
  },
};

describe('the audit trail verifier', () => {
  let trail: AuditTrail;
  beforeAll(async () => {
    trail = await sampleTrail();
  });

  it('finds nothing wrong with a trail as sealed', async () => {
    expect(await verifyAuditTrail(trail, options)).toEqual([]);
  });

  it('detects 1,000 of 1,000 random single-entry mutations', async () => {
    const { below } = random(20261123);
    const kinds = Object.entries(mutations);
    const missed: string[] = [];
    const tried = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      const [name, mutate] = kinds[below(kinds.length)]!;
      tried.set(name, (tried.get(name) ?? 0) + 1);
      const findings = await verifyAuditTrail(mutate(trail, below), options);
      if (findings.length === 0) missed.push(`#${i}: ${name}`);
    }
    expect(missed).toEqual([]);
    expect([...tried.keys()].sort()).toEqual(Object.keys(mutations).sort());
  });

  it('catches a chain rewritten consistently from some link on, by the next signed checkpoint', async () => {
    const context = 'identity';
    const chain = trail.links.filter((l) => l.context === context);
    const events = trail.events.map((e) =>
      e.id === chain[10]!.eventId ? { ...e, target: 'rewritten' } : e,
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    // The forger recomputes every hash from link 11 on: the chain itself is consistent again.
    const rewritten = sealEvents(
      context,
      chain[9]!,
      chain.slice(10).map((l) => byId.get(l.eventId)!),
    );
    const links = [
      ...trail.links.filter((l) => l.context !== context),
      ...chain.slice(0, 10),
      ...rewritten,
    ];
    const findings = await verifyAuditTrail({ ...trail, events, links }, options);
    expect(findings.map((f) => f.problem)).toEqual([
      'the chain was rewritten before this signed checkpoint',
      'the chain was rewritten before this signed checkpoint',
    ]);
  });

  it('waits for the sealer before calling an unsealed event a problem', async () => {
    const fresh = { ...event('identity', 7), occurredAt: '2026-11-30T23:55:00.000000Z' };
    const findings = await verifyAuditTrail(
      { ...trail, events: [...trail.events, fresh] },
      options,
    );
    expect(findings).toEqual([]);
  });
});
