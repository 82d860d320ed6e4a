import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { auditContexts, readChainLinks } from '@okno/audit';
import { personRoles } from '@okno/auth';
import { queryRows } from '@okno/db';
import { AuditEventSchema } from './audit-events';
import { createRouter, decodeCursor, defineRoute, PageQuery, pageSchema, toPage } from '@okno/http';

const readers = { roles: [personRoles.auditor, personRoles.regionalAdmin] };

const CheckpointSchema = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    jws: z.string().openapi({ description: 'Compact ES256 JWS over {context, seq, hash}.' }),
    signedAt: z.iso.datetime(),
  })
  .openapi('AuditCheckpoint');

const ChainSchema = z
  .object({
    context: z.enum(auditContexts),
    length: z.number().int(),
    headHash: z.string().nullable(),
    lastCheckpoint: CheckpointSchema.nullable(),
  })
  .openapi('AuditChain');

/** An event as its chain hashed it: with its context, and its time to the microsecond. */
const TrailEventSchema = AuditEventSchema.extend({
  context: z.string(),
  occurredAt: z.string().openapi({ description: 'UTC with microseconds, as hashed.' }),
}).openapi('AuditTrailEvent');

const LinkSchema = z
  .object({ seq: z.number().int(), hash: z.string(), event: TrailEventSchema })
  .openapi('AuditChainLink');

/**
 * The sealed audit trail for auditors: each chain's head and last signed checkpoint, and
 * every link with its event, enough to recompute the chain elsewhere (see docs/security.md).
 * Read-only: nothing in the API writes or changes the trail.
 */
export function auditTrailRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/audit-trail',
        access: readers,
        tags: ['identity'],
        summary: "Each bounded context's audit chain: its head and last signed checkpoint",
        responses: {
          200: {
            description: 'The chains, and how many events wait to be sealed.',
            content: {
              'application/json': {
                schema: z
                  .object({ chains: z.array(ChainSchema), unsealed: z.number().int() })
                  .openapi('AuditTrailSummary'),
              },
            },
          },
        },
      }),
      async (c) => {
        const chains = [];
        for (const context of auditContexts) {
          const [head] = await queryRows<{ seq: string; hash: string }>(
            c.var.db,
            sql`select seq, hash from identity.audit_chain where context = ${context}
                order by seq desc limit 1`,
          );
          const [checkpoint] = await queryRows<{
            seq: string;
            hash: string;
            jws: string;
            signed_at: Date | string;
          }>(
            c.var.db,
            sql`select seq, hash, jws, signed_at from identity.audit_checkpoints
                where context = ${context} order by seq desc limit 1`,
          );
          chains.push({
            context,
            length: head ? Number(head.seq) : 0,
            headHash: head?.hash ?? null,
            lastCheckpoint: checkpoint
              ? {
                  seq: Number(checkpoint.seq),
                  hash: checkpoint.hash,
                  jws: checkpoint.jws,
                  signedAt: new Date(checkpoint.signed_at).toISOString(),
                }
              : null,
          });
        }
        const [unsealed] = await queryRows<{ n: number }>(
          c.var.db,
          sql`select count(*)::int as n from identity.audit_events e
              where not exists (select 1 from identity.audit_chain l where l.event_id = e.id)`,
        );
        return c.json({ chains, unsealed: unsealed?.n ?? 0 }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/audit-trail/{context}/links',
        access: readers,
        tags: ['identity'],
        summary: "A chain's links in order, each with the event it seals",
        request: {
          params: z.object({ context: z.enum(auditContexts) }),
          query: PageQuery.extend({ limit: PageQuery.shape.limit.unwrap().max(1000).default(100) }),
        },
        responses: {
          200: {
            description: 'A page of links, oldest first.',
            content: {
              'application/json': { schema: pageSchema(LinkSchema, 'AuditChainLinkPage') },
            },
          },
        },
      }),
      async (c) => {
        const { context } = c.req.valid('param');
        const { limit, cursor } = c.req.valid('query');
        const after = cursor ? decodeCursor(cursor, z.object({ seq: z.number().int() })).seq : 0;
        const links = await readChainLinks(c.var.db, context, after, limit + 1);
        const page = toPage(links, limit, (l) => ({ seq: l.seq }));
        return c.json(
          {
            items: page.items.map((l) => ({ seq: l.seq, hash: l.hash, event: l.event })),
            nextCursor: page.nextCursor,
          },
          200,
        );
      },
    );
}
