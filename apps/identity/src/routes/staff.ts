import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { personRoles, staffRoles } from '@okno/auth';
import { actorOf } from '@okno/audit';
import { staffMembers } from '@okno/db/identity';
import {
  conflict,
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
import { saveStaffMember, toStaff } from '../directory/staff-store';
import { noPeopleDirectory, type RealmPeople } from '../people/realm-people';
import { staffAssignmentErrors } from '../directory/staff-rules';

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

const StaffQuery = PageQuery.extend({
  agency: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'agency', in: 'query' } }),
});

export function staffRoutes(callService: ServiceCaller, people: RealmPeople | undefined) {
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
        summary:
          'Record a staff member: agency, office and roles, which the realm follows (audited)',
        request: {
          params: z.object({ subject: z.string().min(1).max(128) }),
          body: { required: true, content: { 'application/json': { schema: StaffInput } } },
        },
        responses: {
          200: { description: 'Saved.', content: { 'application/json': { schema: StaffMember } } },
          409: { description: 'The realm knows this username under another subject.' },
          422: { description: 'A bad field, or a person the realm does not have.' },
          503: { description: "The node cannot write to its OpenID provider's people." },
        },
      }),
      async (c) => {
        const admin = requirePrincipal(c.var.principal);
        const { subject } = c.req.valid('param');
        const input = c.req.valid('json');
        // Agencies and offices are the catalogue's: asked before the transaction opens (the
        // embedded database has one connection, and the catalogue's read would wait for it).
        if (!people) throw noPeopleDirectory();
        const errors = [
          ...staffAssignmentErrors(input),
          ...(await workplaceErrors(callService, input)),
        ];
        // The realm's person is whom the directory describes: the same one, or nobody.
        const known = await people.subjectOf(input.username);
        if (known === undefined) {
          errors.push({
            location: 'body',
            pointer: '/username',
            message: 'the realm has no such person: add them by region import or in Keycloak',
          });
        }
        if (errors.length > 0) throw invalidFields(errors);
        if (known !== subject) {
          throw conflict(`${input.username} is ${known ?? ''} in the realm, not ${subject}`);
        }
        // The realm first, so that tokens say what the directory says; a failure there leaves
        // the directory as it was.
        await people.place(input.username, {
          roles: input.roles,
          agency: input.agencyCode,
          office: input.officeCode,
          enabled: input.active,
        });
        const { saved } = await c.var.db.transaction((tx) =>
          saveStaffMember(
            tx,
            subject,
            {
              username: input.username,
              displayName: input.displayName,
              agencyCode: input.agencyCode ?? null,
              officeCode: input.officeCode ?? null,
              roles: input.roles,
              active: input.active,
            },
            actorOf(admin, c.var.requestId),
          ),
        );
        return c.json(toStaff(saved), 200);
      },
    );
}
