import { z } from '@hono/zod-openapi';
import { hasAnyRole, hasRole, personRoles, type Principal } from '@okno/auth';
import { applicationsOutbox, channels } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import {
  conflict,
  createRouter,
  decodeCursor,
  defineRoute,
  encodeCursor,
  forbidden,
  requirePrincipal,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { statuses } from '../model/lifecycle';
import {
  lockApplication,
  recordTransition,
  updateApplication,
  type ApplicationRow,
} from '../store/application-store';
import { queue, type QueueScope } from '../store/queue-query';
import { Application, toApplicationView } from './application-view';
import { readable } from './portal-routes';

const backOffice = [personRoles.backOfficeOfficer, personRoles.supervisor];
const frontOffice = [personRoles.mfcOfficer, personRoles.postOfficer, personRoles.mobileOfficer];
const param = (name: string) => ({ param: { name, in: 'query' as const } });

/** A queue line: what an officer sorts and picks by; no personal data. */
const QueueItem = z
  .object({
    id: z.uuid(),
    number: z.string().nullable(),
    serviceCode: z.string(),
    status: z.enum(statuses),
    channel: z.enum(channels),
    officeCode: z.string().nullable(),
    collectOfficeCode: z.string().nullable(),
    assignedTo: z.string().nullable(),
    dueOn: z.iso.date().nullable(),
    deadlineState: z.enum(['on-time', 'near', 'breached']).nullable(),
    submittedAt: z.iso.datetime().nullable(),
  })
  .openapi('QueueItem');

const toQueueItem = (row: ApplicationRow): z.infer<typeof QueueItem> => ({
  id: row.id,
  number: row.number,
  serviceCode: row.serviceCode,
  status: row.status as z.infer<typeof QueueItem>['status'],
  channel: row.channel,
  officeCode: row.officeCode,
  collectOfficeCode: row.collectOfficeCode,
  assignedTo: row.assignedTo,
  dueOn: row.dueOn,
  deadlineState: row.deadlineState,
  submittedAt: row.submittedAt?.toISOString() ?? null,
});

/** The deciding agency's officers see its queue; front offices see their office's. */
function scopeOf(p: Principal): QueueScope {
  if (hasAnyRole(p, backOffice)) {
    if (!p.agency) throw forbidden('Your token names no agency.');
    return { agency: p.agency };
  }
  if (!p.office) throw forbidden('Your token names no office.');
  return { office: p.office };
}

export function officerRoutes(ctx: ApplicationsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/queue',
        access: { roles: [...backOffice, ...frontOffice] },
        tags: ['officer work'],
        summary: "An officer's queue: their agency's applications, or their office's",
        request: {
          query: z.object({
            status: z.enum(statuses).optional().openapi(param('status')),
            deadline: z.enum(['on-time', 'near', 'breached']).optional().openapi(param('deadline')),
            assignee: z
              .string()
              .max(200)
              .optional()
              .openapi({ ...param('assignee'), description: '`me`, `none`, or a subject.' }),
            service: z.string().max(80).optional().openapi(param('service')),
            channel: z.enum(channels).optional().openapi(param('channel')),
            sort: z.enum(['due', 'newest']).default('due').openapi(param('sort')),
            limit: z.coerce.number().int().min(1).max(100).default(20).openapi(param('limit')),
            cursor: z.string().max(200).optional().openapi(param('cursor')),
          }),
        },
        responses: {
          200: {
            description: 'Most urgent first (or newest first).',
            content: {
              'application/json': {
                schema: z.object({ items: z.array(QueueItem), nextCursor: z.string().nullable() }),
              },
            },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { limit, cursor, sort, assignee, ...filters } = c.req.valid('query');
        const offset = cursor
          ? decodeCursor(cursor, z.object({ offset: z.number().int() })).offset
          : 0;
        const rows = await queue(
          c.var.db,
          scopeOf(principal),
          { ...filters, assignee: assignee === 'me' ? principal.subject : assignee },
          { limit, offset, sort },
        );
        return c.json(
          {
            items: rows.slice(0, limit).map(toQueueItem),
            nextCursor: rows.length > limit ? encodeCursor({ offset: offset + limit }) : null,
          },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/applications/{id}/assignee',
        access: { roles: backOffice },
        tags: ['officer work'],
        summary: 'Assign an application to an officer, take it, or release it',
        description:
          'A supervisor assigns and reassigns within their agency; an officer takes unassigned work for themselves or releases their own.',
        request: {
          params: z.object({ id: z.uuid() }),
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ assignee: z.string().min(1).max(200).nullable() }),
              },
            },
          },
        },
        responses: {
          200: {
            description: 'The application.',
            content: { 'application/json': { schema: Application } },
          },
          404: { description: 'No such application of the caller’s agency.' },
          409: { description: 'Someone else has it.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const { assignee } = c.req.valid('json');
        const supervisor = hasRole(principal, personRoles.supervisor);
        const row = await c.var.db.transaction(async (tx) => {
          const current = readable(ctx, principal, await lockApplication(tx, id));
          if (current.agencyCode !== principal.agency) {
            throw forbidden('Only officers of the deciding agency assign its applications.');
          }
          if (!supervisor) {
            if (assignee !== null && assignee !== principal.subject) {
              throw forbidden('Only a supervisor assigns work to someone else.');
            }
            const holder = current.assignedTo;
            if (holder !== null && holder !== principal.subject) {
              throw conflict(`${holder} has it; ask a supervisor to reassign it.`);
            }
          }
          const updated = await updateApplication(tx, current, { assignedTo: assignee });
          await recordTransition(tx, {
            applicationId: id,
            step: 'assign',
            fromStatus: current.status,
            toStatus: current.status,
            actorSubject: principal.subject,
            actorRoles: principal.roles,
            channel: null,
            officeCode: principal.office ?? null,
            reason: assignee === null ? 'released' : `assigned to ${assignee}`,
          });
          await enqueueEvent(tx, applicationsOutbox, {
            type: 'applications.application.assigned',
            payload: { applicationId: id, agencyCode: current.agencyCode, assignee },
          });
          return updated;
        });
        c.header('etag', `"${row.revision}"`);
        return c.json(toApplicationView(row, principal, ctx), 200);
      },
    );
}
