import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { machineRoles, personRoles, type MachineRole } from '@okno/auth';
import { actorOf, recordAudit } from '@okno/audit';
import { newId } from '@okno/db';
import { partnerChannels, partnerKinds } from '@okno/db/identity';
import { createRouter, defineRoute, requirePrincipal } from '@okno/http';

const partnerRoles = Object.values(machineRoles).filter((r) => r !== machineRoles.service) as [
  MachineRole,
  ...MachineRole[],
];

const PartnerInput = z
  .object({
    name: z.string().min(1).max(200),
    kind: z.enum(partnerKinds),
    roles: z.array(z.enum(partnerRoles)).min(1),
    contact: z.string().max(500).optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('PartnerInput');

const Partner = z
  .object({
    // A new object, not .extend(): the strict input's `additionalProperties: false` must not
    // carry over to what is answered.
    ...PartnerInput.shape,
    clientId: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('PartnerChannel');

const toPartner = (row: typeof partnerChannels.$inferSelect): z.infer<typeof Partner> => ({
  clientId: row.clientId,
  name: row.name,
  kind: row.kind,
  roles: row.roles as MachineRole[],
  ...(row.contact !== null && { contact: row.contact }),
  active: row.active,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * The partner-channel registry: which partner systems (their OAuth client ids in the realm)
 * the region works with, and for what. A channel marked inactive is one to revoke in Keycloak.
 */
export function partnerRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/partners',
        access: { roles: [personRoles.regionalAdmin, personRoles.auditor] },
        tags: ['identity'],
        summary: 'The partner channels of the region',
        responses: {
          200: {
            description: 'Every partner channel, ordered by client id.',
            content: { 'application/json': { schema: z.object({ items: z.array(Partner) }) } },
          },
        },
      }),
      async (c) => {
        const rows = await c.var.db
          .select()
          .from(partnerChannels)
          .orderBy(asc(partnerChannels.clientId));
        return c.json({ items: rows.map(toPartner) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/partners/{clientId}',
        access: { roles: [personRoles.regionalAdmin] },
        tags: ['identity'],
        summary: 'Register or change a partner channel (audited)',
        request: {
          params: z.object({ clientId: z.string().regex(/^[a-z][a-z0-9-]{2,62}$/) }),
          body: { required: true, content: { 'application/json': { schema: PartnerInput } } },
        },
        responses: {
          200: { description: 'Saved.', content: { 'application/json': { schema: Partner } } },
        },
      }),
      async (c) => {
        const admin = requirePrincipal(c.var.principal);
        const { clientId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.var.db.transaction(async (tx) => {
          const [before] = await tx
            .select()
            .from(partnerChannels)
            .where(eq(partnerChannels.clientId, clientId));
          const values = {
            name: input.name,
            kind: input.kind,
            roles: [...new Set(input.roles)],
            contact: input.contact ?? null,
            active: input.active,
            updatedAt: new Date(),
          };
          const [saved] = await tx
            .insert(partnerChannels)
            .values({ id: newId(), clientId, ...values })
            .onConflictDoUpdate({ target: partnerChannels.clientId, set: values })
            .returning();
          if (!saved) throw new Error('partner upsert returned nothing');
          await recordAudit(tx, {
            kind: 'partner-updated',
            ...actorOf(admin, c.var.requestId),
            target: clientId,
            details: { before: before ? toPartner(before) : null, after: toPartner(saved) },
          });
          return c.json(toPartner(saved), 200);
        });
      },
    );
}
