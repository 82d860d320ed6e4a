import { z } from '@hono/zod-openapi';
import { hasRole, personRoles } from '@okno/auth';
import { and, avg, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  applicationRatings,
  applicationsIdempotencyKeys,
  applicationsOutbox,
  applicationTransitions,
} from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import { conflict, createRouter, defineRoute, forbidden, requirePrincipal } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { isApplicant } from '../model/access';
import { lockApplication } from '../store/application-store';
import { factsOf } from './application-view';
import { readable } from './portal-routes';

const Rating = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .openapi('Rating');

const groupings = {
  service: applicationRatings.serviceCode,
  office: applicationRatings.collectOfficeCode,
  officer: applicationRatings.decidedBy,
} as const;

const RatingSummary = z
  .object({
    items: z.array(
      z.object({
        key: z.string().nullable(),
        ratings: z.number().int(),
        average: z.number(),
        distribution: z.array(z.number().int()).length(5),
      }),
    ),
  })
  .openapi('RatingSummary');

export function ratingRoutes(ctx: ApplicationsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications/{id}/rating',
        access: { roles: [personRoles.citizen, personRoles.businessRepresentative] },
        idempotency: applicationsIdempotencyKeys,
        tags: ['applications'],
        summary: 'Rate the service, once, after the result was issued: 1 to 5, with a comment',
        request: {
          params: z.object({ id: z.uuid() }),
          body: { required: true, content: { 'application/json': { schema: Rating } } },
        },
        responses: {
          201: {
            description: 'Recorded.',
            content: { 'application/json': { schema: Rating } },
          },
          404: { description: 'No such application of the caller.' },
          409: { description: 'Not issued yet, or already rated.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const rating = c.req.valid('json');
        await c.var.db.transaction(async (tx) => {
          const application = readable(ctx, principal, await lockApplication(tx, id));
          if (!isApplicant(principal, factsOf(application, ctx.region.code))) {
            throw forbidden('Only the applicant rates the service they received.');
          }
          if (application.status !== 'issued') {
            throw conflict(`The application is ${application.status}: rate it once it is issued.`);
          }
          const [decision] = await tx
            .select({ by: applicationTransitions.actorSubject })
            .from(applicationTransitions)
            .where(
              and(
                eq(applicationTransitions.applicationId, id),
                eq(applicationTransitions.step, 'decide'),
              ),
            )
            .orderBy(desc(applicationTransitions.at))
            .limit(1);
          const inserted = await tx
            .insert(applicationRatings)
            .values({
              applicationId: id,
              score: rating.score,
              comment: rating.comment ?? null,
              serviceCode: application.serviceCode,
              agencyCode: application.agencyCode,
              officeCode: application.officeCode,
              collectOfficeCode: application.collectOfficeCode,
              decidedBy: decision?.by ?? null,
            })
            .onConflictDoNothing()
            .returning({ id: applicationRatings.applicationId });
          if (inserted.length === 0) throw conflict('You have already rated this service.');
          await enqueueEvent(tx, applicationsOutbox, {
            type: 'applications.application.rated',
            payload: {
              applicationId: id,
              serviceCode: application.serviceCode,
              agencyCode: application.agencyCode,
              score: rating.score,
            },
          });
        });
        return c.json(rating, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/ratings',
        access: {
          roles: [personRoles.supervisor, personRoles.regionalAdmin, personRoles.auditor],
        },
        tags: ['officer work'],
        summary: 'Ratings aggregated per service, office or officer',
        description:
          "A supervisor sees their agency's; the regional administrator and auditors, all.",
        request: {
          query: z.object({
            by: z
              .enum(['service', 'office', 'officer'])
              .default('service')
              .openapi({ param: { name: 'by', in: 'query' } }),
          }),
        },
        responses: {
          200: {
            description: 'Count, average and 1–5 distribution per key, most rated first.',
            content: { 'application/json': { schema: RatingSummary } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const key = groupings[c.req.valid('query').by];
        const r = applicationRatings;
        const regionWide =
          hasRole(principal, personRoles.regionalAdmin) || hasRole(principal, personRoles.auditor);
        if (!regionWide && !principal.agency) throw forbidden('Your token names no agency.');
        const where: SQL | undefined = regionWide
          ? undefined
          : eq(r.agencyCode, principal.agency ?? '');
        const scoreCount = (n: number) =>
          sql<number>`count(*) filter (where ${r.score} = ${n})`.mapWith(Number);
        const rows = await c.var.db
          .select({
            key,
            ratings: count(),
            average: avg(r.score).mapWith(Number),
            s1: scoreCount(1),
            s2: scoreCount(2),
            s3: scoreCount(3),
            s4: scoreCount(4),
            s5: scoreCount(5),
          })
          .from(r)
          .where(where)
          .groupBy(key)
          .orderBy(desc(count()), key);
        return c.json(
          {
            items: rows.map((row) => ({
              key: row.key,
              ratings: row.ratings,
              average: Math.round(row.average * 100) / 100,
              distribution: [row.s1, row.s2, row.s3, row.s4, row.s5],
            })),
          },
          200,
        );
      },
    );
}
