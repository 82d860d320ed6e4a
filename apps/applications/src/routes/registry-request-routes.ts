import { z } from '@hono/zod-openapi';
import type { Principal } from '@okno/auth';
import {
  conflict,
  createRouter,
  defineRoute,
  forbidden,
  notFound,
  requirePrincipal,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { isDecidingOfficer } from '../model/access';
import { lockApplication, findApplication } from '../store/application-store';
import { applyStep } from '../store/apply-step';
import {
  registryRequestsOf,
  reopenRegistryRequest,
  type RegistryRequestRow,
} from '../store/registry-request-store';
import { unsealAnswer } from '../store/sealing';
import { factsOf } from './application-view';
import { applicationReaders, readable } from './portal-routes';

const Localized = z.object({ ru: z.string(), en: z.string() });

const RegistryRequest = z
  .object({
    id: z.uuid(),
    registry: z.string().openapi({ example: 'civil-registry' }),
    document: z.object({ code: z.string(), title: Localized }),
    dataAsked: Localized,
    legalBasis: Localized,
    status: z.enum(['open', 'answered', 'failed']),
    attempt: z.number().int(),
    firstSentAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    answerReference: z.string().nullable(),
    /** For the agency's officers only. */
    lastError: z.string().nullable().optional(),
    answer: z
      .object({
        reference: z.string(),
        issuedBy: z.string(),
        data: z.record(z.string(), z.unknown()),
      })
      .nullable()
      .optional(),
  })
  .openapi('RegistryRequest');

const Ids = z.object({ id: z.uuid(), requestId: z.uuid() });

export function registryRequestRoutes(ctx: ApplicationsContext) {
  /**
   * Everyone who may read the application sees that each request was made, on what legal
   * basis, and how it stands; the deciding agency's officers also see the answers and errors.
   */
  const view = (row: RegistryRequestRow, internal: boolean): z.infer<typeof RegistryRequest> => ({
    id: row.id,
    registry: row.registry,
    document: { code: row.documentCode, title: row.documentTitle },
    dataAsked: row.dataAsked,
    legalBasis: row.legalBasis,
    status: row.status,
    attempt: row.attempt,
    firstSentAt: row.firstSentAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'open' ? row.nextAttemptAt.toISOString() : null,
    answerReference: row.answerReference,
    ...(internal && {
      lastError: row.lastError,
      answer: row.answer
        ? (unsealAnswer(ctx.keyring, row.id, row.answer) as {
            reference: string;
            issuedBy: string;
            data: Record<string, unknown>;
          })
        : null,
    }),
  });
  const internalReader = (p: Principal, row: Parameters<typeof factsOf>[0]) =>
    isDecidingOfficer(p, factsOf(row, ctx.region.code));

  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{id}/registry-requests',
        access: { roles: applicationReaders },
        tags: ['applications'],
        summary: 'The inter-agency requests made for an application (the once-only rule)',
        description:
          'The applicant sees which registries were asked, for what, on what legal basis, and how each stands. ' +
          "The deciding agency's officers also see the answers and why a request failed.",
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'Its requests, by document.',
            content: {
              'application/json': { schema: z.object({ items: z.array(RegistryRequest) }) },
            },
          },
          404: { description: 'No such application that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const application = readable(ctx, principal, await findApplication(c.var.db, id));
        const internal = internalReader(principal, application);
        const rows = await registryRequestsOf(c.var.db, id);
        return c.json({ items: rows.map((row) => view(row, internal)) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications/{id}/registry-requests/{requestId}/retry',
        access: { roles: applicationReaders },
        tags: ['officer work'],
        summary: 'Send a request that failed once more (say, once the registry is back)',
        request: { params: Ids },
        responses: {
          200: {
            description: 'Open again and due now; the application waits for it.',
            content: { 'application/json': { schema: RegistryRequest } },
          },
          404: { description: 'No such application or request that the caller may see.' },
          409: { description: 'The request has not failed, or the application is decided.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id, requestId } = c.req.valid('param');
        const row = await c.var.db.transaction(async (tx) => {
          const application = readable(ctx, principal, await lockApplication(tx, id));
          if (!internalReader(principal, application)) {
            throw forbidden("Only the deciding agency's officers retry its requests.");
          }
          const request = (await registryRequestsOf(tx, id)).find((r) => r.id === requestId);
          if (!request) throw notFound('The application has no such request.');
          if (request.status !== 'failed') {
            throw conflict(`The request is ${request.status}: only a failed one is retried.`);
          }
          if (application.status !== 'in-review' && application.status !== 'awaiting-registries') {
            throw conflict(`The application is ${application.status}: too late to ask again.`);
          }
          const reopened = await reopenRegistryRequest(tx, requestId, ctx.now());
          if (!reopened) throw conflict('The request changed meanwhile: read it again.');
          if (application.status === 'in-review') {
            await applyStep(
              tx,
              application,
              'await-registries',
              {
                subject: principal.subject,
                roles: principal.roles,
                channel: null,
                officeCode: principal.office ?? null,
              },
              {},
              `retrying the ${request.registry} request for ${request.documentCode}`,
            );
          }
          return reopened;
        });
        return c.json(view(row, true), 200);
      },
    );
}
