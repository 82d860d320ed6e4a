import { z } from '@hono/zod-openapi';
import { actorOf, recordAudit } from '@okno/audit';
import { personRoles } from '@okno/auth';
import { paymentsIdempotencyKeys, uinIssuers } from '@okno/db/payments';
import { conflict, createRouter, defineRoute, invalidFields, requirePrincipal } from '@okno/http';
import { NODE_ISSUER } from '../payments-context';

const Issuer = z
  .object({
    code: z.string().regex(/^\d{4}$/, 'four digits'),
    title: z.string().trim().min(3).max(200),
    officeCode: z.string().min(1).max(100).nullable(),
  })
  .openapi('UinIssuer');

/**
 * The register of UIN issuers: which office makes UINs under which 4-digit segment. The
 * regional administrator gives each counter network and mobile office its own before it
 * issues offline; a segment, once given, is never given again.
 */
export function issuerRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/uin-issuers',
        access: { roles: [personRoles.regionalAdmin, personRoles.auditor] },
        tags: ['payments'],
        summary: 'Who issues UINs under which segment',
        responses: {
          200: {
            description: 'The issuers.',
            content: { 'application/json': { schema: z.object({ items: z.array(Issuer) }) } },
          },
        },
      }),
      async (c) => {
        const rows = await c.var.db.select().from(uinIssuers).orderBy(uinIssuers.code);
        return c.json(
          { items: rows.map(({ code, title, officeCode }) => ({ code, title, officeCode })) },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/uin-issuers',
        access: { roles: [personRoles.regionalAdmin] },
        idempotency: paymentsIdempotencyKeys,
        tags: ['payments'],
        summary: 'Give an office its own UIN segment, so it can issue UINs offline',
        request: { body: { required: true, content: { 'application/json': { schema: Issuer } } } },
        responses: {
          201: { description: 'Registered.', content: { 'application/json': { schema: Issuer } } },
          409: { description: 'The segment is taken.' },
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        if (body.code === NODE_ISSUER || body.officeCode === null) {
          throw invalidFields([
            {
              location: 'body',
              pointer: body.code === NODE_ISSUER ? '/code' : '/officeCode',
              message: `segment ${NODE_ISSUER} is the node's own; an office issuer names its office`,
            },
          ]);
        }
        const created = await c.var.db.transaction(async (tx) => {
          const [row] = await tx.insert(uinIssuers).values(body).onConflictDoNothing().returning();
          if (!row) throw conflict(`UIN segment ${body.code} is already given.`);
          await recordAudit(tx, {
            kind: 'uin-issuer-registered',
            ...actorOf(requirePrincipal(c.var.principal), c.var.requestId),
            target: row.code,
            details: { title: row.title, officeCode: row.officeCode },
          });
          return row;
        });
        return c.json(
          { code: created.code, title: created.title, officeCode: created.officeCode },
          201,
        );
      },
    );
}
