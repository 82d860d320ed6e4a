import { z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import {
  applications,
  applicationsIdempotencyKeys,
  applicationsOutbox,
  channels,
} from '@okno/db/applications';
import { personRoles } from '@okno/auth';
import { newId } from '@okno/db';
import { enqueueEvent } from '@okno/events';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  requirePrincipal,
  toPage,
} from '@okno/http';

const applicantRoles = [personRoles.citizen, personRoles.businessRepresentative];

const Application = z
  .object({
    id: z.uuid(),
    serviceId: z.uuid(),
    channel: z.enum(channels),
    status: z.string().openapi({ example: 'draft' }),
    formData: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .openapi('Application');

const NewApplication = z
  .object({
    serviceId: z.uuid().openapi({ description: 'The catalogue service applied for.' }),
    formData: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('NewApplication');

const toApplication = (row: typeof applications.$inferSelect): z.infer<typeof Application> => ({
  id: row.id,
  serviceId: row.serviceId,
  channel: row.channel,
  status: row.status,
  formData: row.formData,
  createdAt: row.createdAt.toISOString(),
});

export function applicationRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications',
        access: { roles: applicantRoles },
        idempotency: applicationsIdempotencyKeys,
        tags: ['applications'],
        summary: 'Start an application (a draft) on the portal',
        request: {
          body: { required: true, content: { 'application/json': { schema: NewApplication } } },
        },
        responses: {
          201: {
            description: 'The draft application.',
            headers: { Location: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: Application } },
          },
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const applicant = requirePrincipal(c.var.principal).subject;
        const row = await c.var.db.transaction(async (tx) => {
          const [inserted] = await tx
            .insert(applications)
            .values({
              id: newId(),
              serviceId: input.serviceId,
              applicantSub: applicant,
              channel: 'portal',
              status: 'draft',
              formData: input.formData,
            })
            .returning();
          if (!inserted) throw new Error('insert returned no row');
          await enqueueEvent(tx, applicationsOutbox, {
            type: 'applications.application.created',
            payload: { applicationId: inserted.id, serviceId: inserted.serviceId },
          });
          return inserted;
        });
        c.header('location', `/api/applications/applications/${row.id}`);
        return c.json(toApplication(row), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications',
        access: { roles: applicantRoles },
        tags: ['applications'],
        summary: "The caller's own applications, newest first",
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page of applications.',
            content: {
              'application/json': { schema: pageSchema(Application, 'ApplicationPage') },
            },
          },
        },
      }),
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const applicant = requirePrincipal(c.var.principal).subject;
        const before = cursor ? decodeCursor(cursor, z.object({ id: z.uuid() })).id : null;
        const rows = await c.var.db
          .select()
          .from(applications)
          .where(
            and(
              eq(applications.applicantSub, applicant),
              before === null ? undefined : lt(applications.id, before),
            ),
          )
          .orderBy(desc(applications.id))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ id: row.id }));
        return c.json({ items: page.items.map(toApplication), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{id}',
        access: { roles: applicantRoles },
        tags: ['applications'],
        summary: 'One of the caller’s applications',
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The application.',
            content: { 'application/json': { schema: Application } },
          },
          404: { description: 'No such application of the caller.' },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const applicant = requirePrincipal(c.var.principal).subject;
        // Someone else's application is "not found", so ids cannot be probed for existence.
        const [row] = await c.var.db
          .select()
          .from(applications)
          .where(and(eq(applications.id, id), eq(applications.applicantSub, applicant)));
        if (!row) throw notFound(`You have no application ${id}.`);
        return c.json(toApplication(row), 200);
      },
    );
}
