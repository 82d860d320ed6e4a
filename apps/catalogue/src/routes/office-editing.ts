import { z } from '@hono/zod-openapi';
import { personRoles } from '@okno/auth';
import {
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  preconditionFailed,
  requirePrincipal,
  type FieldError,
} from '@okno/http';
import { mayEditOffice } from '../model/editor-policy';
import { OfficeContent } from '../model/office';
import { agencyError } from '../store/agency-store';
import { announceOfficeSaved } from '../store/publication';
import { findOffice, lockOffice, saveOffice, unknownOfficeServices } from '../store/office-store';
import { etagOf } from '@okno/http';
import { Office, toOffice } from './office-views';
import type { PublicCache } from '@okno/http';

const officeResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: Office } },
});

export function officeEditingRoutes(cache: PublicCache) {
  return createRouter().openapi(
    defineRoute({
      method: 'put',
      path: '/offices/{code}',
      access: { roles: [personRoles.regionalAdmin, personRoles.catalogueEditor] },
      tags: ['catalogue editing'],
      summary: 'Describe an office: add it, or change its address, hours, services or route',
      description:
        "The regional administrator may describe any office; a catalogue editor only their agency's. " +
        'Send `If-Match` with the `ETag` of `GET /offices/{code}` to be refused (412) if someone changed it since.',
      request: {
        params: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .max(80),
        }),
        headers: z.object({ 'if-match': z.string().max(64).optional() }),
        body: { required: true, content: { 'application/json': { schema: OfficeContent } } },
      },
      responses: {
        200: officeResponse('The office as now published.'),
        201: officeResponse('The new office.'),
        412: { description: 'The office changed since the ETag given in If-Match.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { code } = c.req.valid('param');
      const ifMatch = c.req.valid('header')['if-match'];
      const content = c.req.valid('json');
      const result = await c.var.db.transaction(async (tx) => {
        const current = await lockOffice(tx, code);
        if (!mayEditOffice(principal, { current: current?.agencyCode, next: content.agencyCode })) {
          throw forbidden(
            `Only the regional administrator or editors of ${current?.agencyCode ?? content.agencyCode} may describe this office.`,
          );
        }
        const currentTag = current && etagOf(JSON.stringify(toOffice(current)));
        if (ifMatch !== undefined && ifMatch !== currentTag) {
          throw preconditionFailed(
            current
              ? `Office "${code}" changed since it was read: read it again and reapply the change.`
              : `Office "${code}" does not exist, so it cannot match "${ifMatch}".`,
          );
        }
        const errors: FieldError[] = [];
        const agency = await agencyError(tx, content.agencyCode, '/agencyCode');
        if (agency) errors.push(agency);
        for (const { pointer, code: service } of await unknownOfficeServices(tx, content)) {
          errors.push({
            location: 'body',
            pointer,
            message: `the catalogue has no service "${service}"`,
          });
        }
        if (errors.length > 0) throw invalidFields(errors);
        await saveOffice(tx, code, content);
        await announceOfficeSaved(tx, code, content, !current, {
          principal,
          requestId: c.var.requestId,
        });
        const saved = await findOffice(tx, code);
        if (!saved) throw new Error(`office ${code} vanished inside its own transaction`);
        return { office: toOffice(saved), created: !current };
      });
      cache.clear();
      c.header('etag', etagOf(JSON.stringify(result.office)));
      return c.json(result.office, result.created ? 201 : 200);
    },
  );
}
