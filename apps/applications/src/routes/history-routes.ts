import { z } from '@hono/zod-openapi';
import { machineRoles, personRoles } from '@okno/auth';
import { channels } from '@okno/db/applications';
import { createRouter, defineRoute, requirePrincipal } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { isStaffOf } from '../model/access';
import { findApplication, transitionsOf } from '../store/application-store';
import { factsOf } from './application-view';
import { applicationReaders, readable } from './portal-routes';

const HistoryEntry = z
  .object({
    step: z
      .string()
      .openapi({ description: 'A lifecycle step, or collect-at, assign, pay-fee, refund-fee.' }),
    from: z.string().nullable(),
    to: z.string(),
    at: z.iso.datetime(),
    actor: z.object({
      kind: z.enum(['applicant', 'staff', 'partner', 'node']),
      /** Officers see who; the applicant sees what kind of actor. */
      subject: z.string().optional(),
    }),
    channel: z.enum(channels).nullable(),
    officeCode: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('HistoryEntry');

const applicantRoles: readonly string[] = [personRoles.citizen, personRoles.businessRepresentative];
const partnerRoles: readonly string[] = Object.values(machineRoles);

const kindOf = (subject: string, roles: readonly string[]) => {
  if (subject.startsWith('okno:')) return 'node' as const;
  if (roles.some((r) => applicantRoles.includes(r))) return 'applicant' as const;
  if (roles.some((r) => partnerRoles.includes(r))) return 'partner' as const;
  return 'staff' as const;
};

/** Steps that are the officers' own business: who works on it is not the applicant's. */
const internalSteps = new Set(['assign']);

export function historyRoutes(ctx: ApplicationsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/applications/{id}/history',
      access: { roles: applicationReaders },
      tags: ['applications'],
      summary: 'Everything that happened to an application: each step, when, where, why',
      description:
        'The same on every channel. Officers also see who took each step and its internal assignments.',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: {
          description: 'Oldest first.',
          content: {
            'application/json': { schema: z.object({ items: z.array(HistoryEntry) }) },
          },
        },
        404: { description: 'No such application that the caller may see.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const application = readable(ctx, principal, await findApplication(c.var.db, id));
      const staff = isStaffOf(principal, factsOf(application, ctx.region.code));
      const rows = await transitionsOf(c.var.db, id);
      const items = rows
        .filter((row) => staff || !internalSteps.has(row.step))
        .map((row) => ({
          step: row.step,
          from: row.fromStatus,
          to: row.toStatus,
          at: row.at.toISOString(),
          actor: {
            kind: kindOf(row.actorSubject, row.actorRoles),
            ...(staff && { subject: row.actorSubject }),
          },
          channel: row.channel,
          officeCode: row.officeCode,
          reason: row.reason,
        }));
      return c.json({ items }, 200);
    },
  );
}
