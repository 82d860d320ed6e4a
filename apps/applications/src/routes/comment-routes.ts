import { z } from '@hono/zod-openapi';
import type { Principal } from '@okno/auth';
import { applicationsIdempotencyKeys, applicationsOutbox } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import { createRouter, defineRoute, forbidden, requirePrincipal } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { isStaffOf } from '../model/access';
import { findApplication, lockApplication, type ApplicationRow } from '../store/application-store';
import { commentsOf, insertComment, type CommentRow } from '../store/comment-store';
import { factsOf } from './application-view';
import { applicationReaders, readable } from './portal-routes';

const Comment = z
  .object({
    id: z.uuid(),
    author: z.object({
      subject: z.string(),
      agency: z.string().nullable(),
      office: z.string().nullable(),
    }),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Comment');
const NewComment = z.object({ body: z.string().trim().min(1).max(4000) }).openapi('NewComment');
const Id = z.object({ id: z.uuid() });

const toComment = (row: CommentRow): z.infer<typeof Comment> => ({
  id: row.id,
  author: { subject: row.authorSubject, agency: row.authorAgency, office: row.authorOffice },
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

export function commentRoutes(ctx: ApplicationsContext) {
  /** The application if the caller is staff on it; 404 if they may not see it at all. */
  const staffOnly = (p: Principal, row: ApplicationRow | undefined) => {
    const application = readable(ctx, p, row);
    if (!isStaffOf(p, factsOf(application, ctx.region.code))) {
      throw forbidden("Internal comments are the officers' working notes.");
    }
    return application;
  };

  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{id}/comments',
        access: { roles: applicationReaders },
        tags: ['officer work'],
        summary: "Officers' internal comments on an application, oldest first",
        description:
          'The deciding agency and the offices that took it in or hand it out; never the applicant.',
        request: { params: Id },
        responses: {
          200: {
            description: 'The thread.',
            content: { 'application/json': { schema: z.object({ items: z.array(Comment) }) } },
          },
          403: { description: 'The applicant: comments are internal.' },
          404: { description: 'No such application that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        staffOnly(principal, await findApplication(c.var.db, id));
        const rows = await commentsOf(c.var.db, id);
        return c.json({ items: rows.map(toComment) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications/{id}/comments',
        access: { roles: applicationReaders },
        idempotency: applicationsIdempotencyKeys,
        tags: ['officer work'],
        summary: 'Add an internal comment for the colleagues working on an application',
        request: {
          params: Id,
          body: { required: true, content: { 'application/json': { schema: NewComment } } },
        },
        responses: {
          201: {
            description: 'Added.',
            content: { 'application/json': { schema: Comment } },
          },
          403: { description: 'The applicant: comments are internal.' },
          404: { description: 'No such application that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const { body } = c.req.valid('json');
        const row = await c.var.db.transaction(async (tx) => {
          const application = staffOnly(principal, await lockApplication(tx, id));
          const comment = await insertComment(tx, {
            applicationId: application.id,
            authorSubject: principal.subject,
            authorAgency: principal.agency ?? null,
            authorOffice: principal.office ?? null,
            body,
          });
          await enqueueEvent(tx, applicationsOutbox, {
            type: 'applications.application.commented',
            payload: {
              applicationId: id,
              commentId: comment.id,
              agencyCode: application.agencyCode,
            },
          });
          return comment;
        });
        return c.json(toComment(row), 201);
      },
    );
}
