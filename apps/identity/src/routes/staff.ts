import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { personRoles, type PersonRole } from '@okno/auth';
import { actorOf, recordAudit, type AuditEvent } from '@okno/audit';
import { newId } from '@okno/db';
import { staffMembers } from '@okno/db/identity';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  invalidFields,
  PageQuery,
  pageSchema,
  requirePrincipal,
  toPage,
  type ServiceCaller,
} from '@okno/http';
import { workplaceErrors } from '../directory/catalogue-directory';
import { roleChanges } from '../directory/role-changes';
import { staffAssignmentErrors } from '../directory/staff-rules';

/** Roles a staff record may hold: every person role but the applicants'. */
const staffRoles = Object.values(personRoles).filter(
  (r) => r !== personRoles.citizen && r !== personRoles.businessRepresentative,
) as [PersonRole, ...PersonRole[]];

const StaffInput = z
  .object({
    username: z.string().min(1).max(100),
    displayName: z.string().min(1).max(200),
    agencyCode: z.string().max(64).optional(),
    officeCode: z.string().max(64).optional(),
    roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('StaffInput');

const StaffMember = z
  .object({
    // A new object, not .extend(): the strict input's `additionalProperties: false` must not
    // carry over to what is answered.
    ...StaffInput.shape,
    subject: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('StaffMember');

const toStaff = (row: typeof staffMembers.$inferSelect): z.infer<typeof StaffMember> => ({
  subject: row.subject,
  username: row.username,
  displayName: row.displayName,
  ...(row.agencyCode !== null && { agencyCode: row.agencyCode }),
  ...(row.officeCode !== null && { officeCode: row.officeCode }),
  roles: row.roles as PersonRole[],
  active: row.active,
  updatedAt: row.updatedAt.toISOString(),
});

const StaffQuery = PageQuery.extend({
  agency: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'agency', in: 'query' } }),
});

export function staffRoutes(callService: ServiceCaller) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/staff',
        access: { roles: [personRoles.regionalAdmin, personRoles.auditor, personRoles.supervisor] },
        tags: ['identity'],
        summary: 'The staff directory (a supervisor sees their own agency only)',
        request: { query: StaffQuery },
        responses: {
          200: {
            description: 'A page of staff, ordered by username.',
            content: { 'application/json': { schema: pageSchema(StaffMember, 'StaffPage') } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { limit, cursor, agency } = c.req.valid('query');
        const regionWide = principal.roles.some(
          (r) => r === personRoles.regionalAdmin || r === personRoles.auditor,
        );
        // Object level: a supervisor's view is their agency, whatever the query asks.
        const onlyAgency = regionWide ? agency : (principal.agency ?? '');
        const after = cursor
          ? decodeCursor(cursor, z.object({ username: z.string() })).username
          : undefined;
        const where: SQL[] = [];
        if (onlyAgency !== undefined) where.push(eq(staffMembers.agencyCode, onlyAgency));
        if (after !== undefined) where.push(gt(staffMembers.username, after));
        const rows = await c.var.db
          .select()
          .from(staffMembers)
          .where(and(...where))
          .orderBy(asc(staffMembers.username))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ username: row.username }));
        return c.json({ items: page.items.map(toStaff), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/staff/{subject}',
        access: { roles: [personRoles.regionalAdmin] },
        tags: ['identity'],
        summary: 'Record a staff member: agency, office and roles (changes are audited)',
        request: {
          params: z.object({ subject: z.string().min(1).max(128) }),
          body: { required: true, content: { 'application/json': { schema: StaffInput } } },
        },
        responses: {
          200: { description: 'Saved.', content: { 'application/json': { schema: StaffMember } } },
        },
      }),
      async (c) => {
        const admin = requirePrincipal(c.var.principal);
        const { subject } = c.req.valid('param');
        const input = c.req.valid('json');
        // Agencies and offices are the catalogue's: asked before the transaction opens (the
        // embedded database has one connection, and the catalogue's read would wait for it).
        const errors = [
          ...staffAssignmentErrors(input),
          ...(await workplaceErrors(callService, input)),
        ];
        return c.var.db.transaction(async (tx) => {
          if (errors.length > 0) throw invalidFields(errors);

          const [before] = await tx
            .select()
            .from(staffMembers)
            .where(eq(staffMembers.subject, subject));
          const values = {
            username: input.username,
            displayName: input.displayName,
            agencyCode: input.agencyCode ?? null,
            officeCode: input.officeCode ?? null,
            roles: [...new Set(input.roles)],
            active: input.active,
            updatedAt: new Date(),
          };
          const [saved] = await tx
            .insert(staffMembers)
            .values({ id: newId(), subject, ...values })
            .onConflictDoUpdate({ target: staffMembers.subject, set: values })
            .returning();
          if (!saved) throw new Error('staff upsert returned nothing');

          const actor = { ...actorOf(admin, c.var.requestId), target: subject };
          const { granted, revoked } = roleChanges(before?.roles ?? [], saved.roles);
          const events: AuditEvent[] = [
            ...granted.map((role) => ({
              kind: 'role-granted' as const,
              ...actor,
              details: { role },
            })),
            ...revoked.map((role) => ({
              kind: 'role-revoked' as const,
              ...actor,
              details: { role },
            })),
            {
              kind: 'staff-updated',
              ...actor,
              details: {
                before: before ? toStaff(before) : null,
                after: toStaff(saved),
              },
            },
          ];
          await recordAudit(tx, ...events);
          return c.json(toStaff(saved), 200);
        });
      },
    );
}
