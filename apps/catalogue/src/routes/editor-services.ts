import { z } from '@hono/zod-openapi';
import { personRoles, type Principal } from '@okno/auth';
import { actorOf, recordAudit } from '@okno/audit';
import { catalogueIdempotencyKeys } from '@okno/db/catalogue';
import {
  conflict,
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  notFound,
  requirePrincipal,
} from '@okno/http';
import { mayEditAgencyServices } from '../model/editor-policy';
import { agencyError } from '../store/agency-store';
import { announcePublished, announceRetired } from '../store/publication';
import { formErrors } from '../model/form-rules';
import { ServiceContent } from '../model/service-content';
import {
  createService,
  findService,
  findVersion,
  publishDraft,
  retirePublished,
  saveDraft,
  type ServiceRow,
} from '../store/version-store';
import type { PublicCache } from '@okno/http';
import { ServiceVersion, toServiceVersion } from './service-views';

const editors = { roles: [personRoles.catalogueEditor, personRoles.regionalAdmin] };
const Code = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
});
const NewService = z
  .object({ code: Code.shape.code, content: ServiceContent })
  .openapi('NewService');

/** The service, if the caller may edit it; 404 if it does not exist, 403 if not theirs. */
function editable(principal: Principal, service: ServiceRow | undefined, code: string) {
  if (!service) throw notFound(`There is no service with code "${code}".`);
  if (!mayEditAgencyServices(principal, service.agencyCode)) {
    throw forbidden(`Only editors of ${service.agencyCode} may change this service.`);
  }
  return service;
}

const versionResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ServiceVersion } },
});

export function editorServiceRoutes(cache: PublicCache) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/services',
        access: editors,
        idempotency: catalogueIdempotencyKeys,
        tags: ['catalogue editing'],
        summary: "Add a service to the catalogue, as a draft of the editor's agency",
        request: {
          body: { required: true, content: { 'application/json': { schema: NewService } } },
        },
        responses: {
          201: versionResponse('The new draft.'),
          409: { description: 'The code is taken.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { code, content } = c.req.valid('json');
        if (!mayEditAgencyServices(principal, content.agencyCode)) {
          throw forbidden(`Only editors of ${content.agencyCode} may add its services.`);
        }
        return c.var.db.transaction(async (tx) => {
          if (await findService(tx, code)) throw conflict(`The code "${code}" is taken.`);
          const unknownAgency = await agencyError(tx, content.agencyCode, '/content/agencyCode');
          if (unknownAgency) throw invalidFields([unknownAgency]);
          const { draft } = await createService(tx, code, content, principal.subject);
          await recordAudit(tx, {
            kind: 'catalogue-draft-saved',
            ...actorOf(principal, c.var.requestId),
            target: code,
            details: { created: true },
          });
          return c.json(toServiceVersion(draft), 201);
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services/{code}/draft',
        access: editors,
        tags: ['catalogue editing'],
        summary: "A service's draft",
        request: { params: Code },
        responses: { 200: versionResponse('The draft.'), 404: { description: 'No draft.' } },
      }),
      async (c) => {
        const { code } = c.req.valid('param');
        const service = editable(
          requirePrincipal(c.var.principal),
          await findService(c.var.db, code),
          code,
        );
        const draft = await findVersion(c.var.db, service.id, 'draft');
        if (!draft) throw notFound(`Service "${code}" has no draft.`);
        return c.json(toServiceVersion(draft), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/services/{code}/draft',
        access: editors,
        tags: ['catalogue editing'],
        summary: "Write a service's draft (a published version is never edited in place)",
        request: {
          params: Code,
          body: { required: true, content: { 'application/json': { schema: ServiceContent } } },
        },
        responses: { 200: versionResponse('The saved draft.') },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { code } = c.req.valid('param');
        const content = c.req.valid('json');
        return c.var.db.transaction(async (tx) => {
          const service = editable(principal, await findService(tx, code), code);
          if (content.agencyCode !== service.agencyCode) {
            throw invalidFields([
              {
                location: 'body',
                pointer: '/agencyCode',
                message: `the service belongs to ${service.agencyCode}; it cannot move agency`,
              },
            ]);
          }
          const retiredAgency = await agencyError(tx, content.agencyCode, '/agencyCode');
          if (retiredAgency) throw invalidFields([retiredAgency]);
          const draft = await saveDraft(tx, service, content, principal.subject);
          await recordAudit(tx, {
            kind: 'catalogue-draft-saved',
            ...actorOf(principal, c.var.requestId),
            target: code,
            details: {},
          });
          return c.json(toServiceVersion(draft), 200);
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/services/{code}/draft/publish',
        access: editors,
        tags: ['catalogue editing'],
        summary: 'Publish the draft: it becomes the next version and supersedes the current one',
        request: { params: Code },
        responses: {
          200: versionResponse('The published version.'),
          404: { description: 'No draft to publish.' },
          422: { description: 'The draft is not publishable (each problem listed).' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { code } = c.req.valid('param');
        const response = await c.var.db.transaction(async (tx) => {
          const service = editable(principal, await findService(tx, code), code);
          const draft = await findVersion(tx, service.id, 'draft');
          if (!draft) throw notFound(`Service "${code}" has no draft to publish.`);
          const content = ServiceContent.parse(draft.content);
          const agency = await agencyError(tx, content.agencyCode, '/agencyCode');
          const errors = [...formErrors(content), ...(agency ? [agency] : [])];
          if (errors.length > 0) throw invalidFields(errors);
          const published = await publishDraft(tx, service, draft, principal.subject);
          await announcePublished(tx, [{ version: published, content }], {
            principal,
            requestId: c.var.requestId,
          });
          return c.json(toServiceVersion(published), 200);
        });
        // Committed: what the public reads has changed.
        cache.clear();
        return response;
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/services/{code}/retire',
        access: editors,
        tags: ['catalogue editing'],
        summary: 'Withdraw a service from the catalogue (its versions stay readable)',
        request: { params: Code },
        responses: {
          204: { description: 'Retired.' },
          404: { description: 'Not published.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { code } = c.req.valid('param');
        const response = await c.var.db.transaction(async (tx) => {
          const service = editable(principal, await findService(tx, code), code);
          const version = await retirePublished(tx, service);
          if (version === undefined) throw notFound(`Service "${code}" is not published.`);
          await announceRetired(tx, code, version, { principal, requestId: c.var.requestId });
          return c.body(null, 204);
        });
        cache.clear();
        return response;
      },
    );
}
