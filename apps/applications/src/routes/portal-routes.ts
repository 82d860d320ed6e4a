import { z } from '@hono/zod-openapi';
import { hasRole, machineRoles, personRoles, type Principal } from '@okno/auth';
import { dateIn } from '@okno/calendar';
import { newId } from '@okno/db';
import { applicationsIdempotencyKeys, applicationsOutbox } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import {
  conflict,
  createRouter,
  decodeCursor,
  defineRoute,
  invalidFields,
  notFound,
  pageSchema,
  PageQuery,
  requirePrincipal,
  toPage,
  type FieldError,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import type { CatalogueVersion } from '../catalogue-client';
import { isApplicant, mayRead } from '../model/access';
import { formDataErrors } from '../model/form-check';
import {
  findApplication,
  insertApplication,
  listOwn,
  lockApplication,
  updateApplication,
  type ApplicationRow,
} from '../store/application-store';
import { seal } from '../store/sealing';
import { bodyError } from './body-error';
import { requireRevision } from './if-match';
import { Application, factsOf, toApplicationView } from './application-view';
import { officesFor, prefetchPublished, publishedFor } from './catalogue-prefetch';
import { collectionFieldErrors } from './collection-fields';

const applicantRoles = [personRoles.citizen, personRoles.businessRepresentative];
/** Everyone who may see some application; which ones is decided per application. */
export const applicationReaders = [
  ...applicantRoles,
  machineRoles.postChannel,
  machineRoles.mobileSync,
  personRoles.mfcOfficer,
  personRoles.postOfficer,
  personRoles.mobileOfficer,
  personRoles.backOfficeOfficer,
  personRoles.supervisor,
];
const FormData = z.record(z.string(), z.unknown());
const Id = z.object({ id: z.uuid() });

const NewApplication = z
  .object({
    serviceCode: z.string().max(80).openapi({ example: 'child-allowance' }),
    formData: FormData.default({}),
    language: z.enum(['ru', 'en']).default('ru').openapi({
      description: "The applicant's language: the result document is written in it.",
    }),
    collectOfficeCode: z
      .string()
      .max(80)
      .nullable()
      .default(null)
      .openapi({ description: 'Where to collect the result; null to receive it on the portal.' }),
    collectVisitOn: z.iso.date().nullable().default(null).openapi({
      description: "At a mobile office, the visit's date; none: its first visit once ready.",
    }),
  })
  .openapi('NewApplication');

/** Why this applicant cannot apply for this version on the portal, field by field. */
function portalRefusals(version: CatalogueVersion, applicantType: 'citizen' | 'business') {
  const errors: FieldError[] = [];
  if (!version.content.requestChannels.includes('portal')) {
    errors.push(bodyError('/serviceCode', 'this service cannot be requested on the portal'));
  }
  if (!version.content.applicantTypes.includes(applicantType)) {
    errors.push(bodyError('/serviceCode', `a ${applicantType} cannot apply for this service`));
  }
  return errors;
}

const applicantTypeOf = (p: Principal) =>
  hasRole(p, personRoles.businessRepresentative) && p.company ? 'business' : 'citizen';

/** The application, if the caller may see it; 404 otherwise, so ids cannot be probed. */
export function readable(ctx: ApplicationsContext, p: Principal, row: ApplicationRow | undefined) {
  if (!row || !mayRead(p, factsOf(row, ctx.region.code))) {
    throw notFound('There is no such application that you may see.');
  }
  return row;
}

const applicationResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: Application } },
});

export function portalRoutes(ctx: ApplicationsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications',
        access: { roles: applicantRoles },
        idempotency: applicationsIdempotencyKeys,
        before: [prefetchPublished(ctx)],
        tags: ['applications'],
        summary: 'Start an application on the portal: a draft filed under the published version',
        request: {
          body: { required: true, content: { 'application/json': { schema: NewApplication } } },
        },
        responses: {
          201: {
            ...applicationResponse('The draft.'),
            headers: { Location: { schema: { type: 'string' } } },
          },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const input = c.req.valid('json');
        const version = publishedFor(c.req.raw);
        if (!version) {
          throw invalidFields([
            bodyError('/serviceCode', 'the catalogue publishes no such service'),
          ]);
        }
        const applicantType = applicantTypeOf(principal);
        const form = { versionId: version.id, schema: version.content.form.schema };
        const errors = [
          ...portalRefusals(version, applicantType),
          ...formDataErrors(form, input.formData, 'draft'),
          ...collectionFieldErrors(
            { officeCode: input.collectOfficeCode, visitOn: input.collectVisitOn },
            officesFor(c.req.raw),
            version,
            dateIn(ctx.now(), ctx.region.calendar.timeZone),
          ),
        ];
        if (errors.length > 0) throw invalidFields(errors);
        const id = newId();
        const row = await c.var.db.transaction(async (tx) => {
          const inserted = await insertApplication(tx, {
            id,
            serviceCode: version.code,
            serviceVersionId: version.id,
            serviceVersion: version.version,
            agencyCode: version.content.agencyCode,
            applicantType,
            applicantSubject: principal.subject,
            intakeBy: principal.subject,
            company: applicantType === 'business' ? (principal.company ?? null) : null,
            channel: 'portal',
            language: input.language,
            collectOfficeCode: input.collectOfficeCode,
            collectVisitOn: input.collectVisitOn,
            status: 'draft',
            sealed: seal(ctx.keyring, id, { formData: input.formData }),
            termWorkingDays: version.content.deadlineWorkingDays,
          });
          await enqueueEvent(tx, applicationsOutbox, {
            type: 'applications.application.created',
            payload: { applicationId: id, serviceCode: version.code, channel: 'portal' },
          });
          return inserted;
        });
        c.header('location', `/api/applications/applications/${row.id}`);
        c.header('etag', `"${row.revision}"`);
        return c.json(toApplicationView(row, principal, ctx), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications',
        access: { roles: applicantRoles },
        tags: ['applications'],
        summary: "The caller's applications (and their company's), newest first",
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
        const principal = requirePrincipal(c.var.principal);
        const { limit, cursor } = c.req.valid('query');
        const before = cursor ? decodeCursor(cursor, Id).id : undefined;
        const company = applicantTypeOf(principal) === 'business' ? principal.company : undefined;
        const rows = await listOwn(
          c.var.db,
          { subject: principal.subject, company },
          { limit, before },
        );
        const page = toPage(rows, limit, (row) => ({ id: row.id }));
        return c.json(
          {
            items: page.items.map((row) => toApplicationView(row, principal, ctx)),
            nextCursor: page.nextCursor,
          },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{id}',
        access: { roles: applicationReaders },
        tags: ['applications'],
        summary: 'One application, with the steps the caller may take now',
        request: { params: Id },
        responses: {
          200: applicationResponse('The application; its ETag is its revision.'),
          404: { description: 'No such application that the caller may see.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const row = readable(
          ctx,
          principal,
          await findApplication(c.var.db, c.req.valid('param').id),
        );
        c.header('etag', `"${row.revision}"`);
        return c.json(toApplicationView(row, principal, ctx), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/applications/{id}/form',
        access: { roles: applicantRoles },
        tags: ['applications'],
        summary: "Write a draft's form data (it may be incomplete until submitted)",
        request: {
          params: Id,
          headers: z.object({ 'if-match': z.string().max(20).optional() }),
          body: { required: true, content: { 'application/json': { schema: FormData } } },
        },
        responses: {
          200: applicationResponse('The draft.'),
          404: { description: 'No such application that the caller may see.' },
          409: { description: 'It is no longer a draft.' },
          412: { description: 'It changed since the ETag given in If-Match.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { id } = c.req.valid('param');
        const ifMatch = c.req.valid('header')['if-match'];
        const formData = c.req.valid('json');
        // The catalogue is read before the transaction (see catalogue-prefetch.ts).
        const filed = readable(ctx, principal, await findApplication(c.var.db, id));
        const version = await ctx.catalogue.version(filed.serviceCode, filed.serviceVersion);
        if (!version) throw new Error(`catalogue version ${filed.serviceVersionId} is gone`);
        const row = await c.var.db.transaction(async (tx) => {
          const current = readable(ctx, principal, await lockApplication(tx, id));
          if (!isApplicant(principal, factsOf(current, ctx.region.code))) {
            throw notFound('There is no such application that you may change.');
          }
          requireRevision(ifMatch, current);
          if (current.status !== 'draft') {
            throw conflict(`The application is ${current.status}: only a draft's form can change.`);
          }
          const errors = formDataErrors(
            { versionId: version.id, schema: version.content.form.schema },
            formData,
            'draft',
          );
          if (errors.length > 0) throw invalidFields(errors);
          return updateApplication(tx, current, { sealed: seal(ctx.keyring, id, { formData }) });
        });
        c.header('etag', `"${row.revision}"`);
        return c.json(toApplicationView(row, principal, ctx), 200);
      },
    );
}
