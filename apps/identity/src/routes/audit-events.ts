import { z } from '@hono/zod-openapi';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { personRoles } from '@okno/auth';
import { auditKinds } from '@okno/audit';
import { auditEvents } from '@okno/db/identity';
import { createRouter, decodeCursor, defineRoute, PageQuery, pageSchema, toPage } from '@okno/http';

export const AuditEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    kind: z.string(),
    actorSubject: z.string().nullable(),
    actorUsername: z.string().nullable(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEvent');

const query = (name: string) => ({ param: { name, in: 'query' as const } });
const AuditQuery = PageQuery.extend({
  kind: z.enum(auditKinds).optional().openapi(query('kind')),
  actor: z.string().max(128).optional().openapi(query('actor')),
  target: z.string().max(256).optional().openapi(query('target')),
  from: z.iso.datetime({ offset: true }).optional().openapi(query('from')),
  to: z.iso.datetime({ offset: true }).optional().openapi(query('to')),
});

export function auditEventRoutes() {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/audit-events',
      access: { roles: [personRoles.auditor, personRoles.regionalAdmin] },
      tags: ['identity'],
      summary: 'The audit trail, newest first',
      request: { query: AuditQuery },
      responses: {
        200: {
          description: 'A page of audit events.',
          content: {
            'application/json': { schema: pageSchema(AuditEventSchema, 'AuditEventPage') },
          },
        },
      },
    }),
    async (c) => {
      const { limit, cursor, kind, actor, target, from, to } = c.req.valid('query');
      const where: SQL[] = [];
      if (kind) where.push(eq(auditEvents.kind, kind));
      if (actor) where.push(eq(auditEvents.actorSubject, actor));
      if (target) where.push(eq(auditEvents.target, target));
      if (from) where.push(gte(auditEvents.occurredAt, new Date(from)));
      if (to) where.push(lte(auditEvents.occurredAt, new Date(to)));
      // UUIDv7 ids are time-ordered: the id is the stable sort key of "newest first".
      if (cursor)
        where.push(lt(auditEvents.id, decodeCursor(cursor, z.object({ id: z.uuid() })).id));
      const rows = await c.var.db
        .select()
        .from(auditEvents)
        .where(and(...where))
        .orderBy(desc(auditEvents.id))
        .limit(limit + 1);
      const page = toPage(rows, limit, (row) => ({ id: row.id }));
      return c.json(
        {
          items: page.items.map((e) => ({
            ...e,
            occurredAt: e.occurredAt.toISOString(),
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
}
