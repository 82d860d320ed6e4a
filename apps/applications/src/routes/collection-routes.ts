import { z } from '@hono/zod-openapi';
import { dateIn } from '@okno/calendar';
import { applicationsOutbox } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import {
  conflict,
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  requirePrincipal,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { mayTakeStep } from '../model/access';
import type { Status } from '../model/lifecycle';
import {
  findApplication,
  lockApplication,
  recordTransition,
  updateApplication,
} from '../store/application-store';
import { Application, factsOf, toApplicationView } from './application-view';
import { requireRevision } from './if-match';
import { collectionFieldErrors } from './collection-fields';
import { applicationReaders, readable } from './portal-routes';

/** Once the result is on its way, where it goes is settled. */
const settled: readonly Status[] = ['result-in-transit', 'result-ready', 'issued', 'withdrawn'];

const Collection = z
  .object({
    officeCode: z.string().max(80).nullable().openapi({
      description: 'An office that hands out the result (see the catalogue); null for the portal.',
    }),
    visitOn: z.iso.date().nullable().optional().openapi({
      description: "At a mobile office, the visit's date; none: its first visit once ready.",
    }),
  })
  .openapi('Collection');

export function collectionRoutes(ctx: ApplicationsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'put',
      path: '/applications/{id}/collection',
      access: { roles: applicationReaders },
      tags: ['applications'],
      summary: 'Choose where to collect the result: any office that hands it out, or the portal',
      description:
        'The applicant, or the office that took the application in (for them), until the result is sent on its way.',
      request: {
        params: z.object({ id: z.uuid() }),
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: { required: true, content: { 'application/json': { schema: Collection } } },
      },
      responses: {
        200: {
          description: 'The application, collected there.',
          content: { 'application/json': { schema: Application } },
        },
        404: { description: 'No such application that the caller may see.' },
        409: { description: 'The result is already on its way.' },
        412: { description: 'It changed since the ETag given in If-Match.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const ifMatch = c.req.valid('header')['if-match'];
      const choice = c.req.valid('json');
      // The catalogue is read before the transaction (see catalogue-prefetch.ts).
      const filed = readable(ctx, principal, await findApplication(c.var.db, id));
      const version = await ctx.catalogue.version(filed.serviceCode, filed.serviceVersion);
      if (!version) throw new Error(`catalogue version ${filed.serviceVersionId} is gone`);
      const offices = await ctx.catalogue.offices(filed.serviceCode);
      const today = dateIn(ctx.now(), ctx.region.calendar.timeZone);
      const errors = collectionFieldErrors(choice, offices, version, today, {
        office: '/officeCode',
        visit: '/visitOn',
      });
      if (errors.length > 0) throw invalidFields(errors);

      const row = await c.var.db.transaction(async (tx) => {
        const current = readable(ctx, principal, await lockApplication(tx, id));
        // Whoever may withdraw it for the applicant may say where they collect it.
        if (!mayTakeStep(principal, 'withdraw', factsOf(current, ctx.region.code))) {
          throw forbidden('Only the applicant, or the office that took it in, chooses this.');
        }
        requireRevision(ifMatch, current);
        if (settled.includes(current.status as Status)) {
          throw conflict(`The application is ${current.status}: where it is collected is settled.`);
        }
        const updated = await updateApplication(tx, current, {
          collectOfficeCode: choice.officeCode,
          collectVisitOn: choice.visitOn ?? null,
        });
        const where = choice.officeCode ?? 'the portal';
        await recordTransition(tx, {
          applicationId: id,
          step: 'collect-at',
          fromStatus: current.status,
          toStatus: current.status,
          actorSubject: principal.subject,
          actorRoles: principal.roles,
          channel: null,
          officeCode: principal.office ?? null,
          reason: choice.visitOn ? `${where}, visit of ${choice.visitOn}` : where,
        });
        await enqueueEvent(tx, applicationsOutbox, {
          type: 'applications.application.collection-changed',
          payload: {
            applicationId: id,
            collectOfficeCode: choice.officeCode,
            collectVisitOn: choice.visitOn ?? null,
          },
        });
        return updated;
      });
      c.header('etag', `"${row.revision}"`);
      return c.json(toApplicationView(row, principal, ctx), 200);
    },
  );
}
