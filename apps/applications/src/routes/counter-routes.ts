import { z } from '@hono/zod-openapi';
import { hasRole, machineRoles, personRoles, type Principal } from '@okno/auth';
import { dateIn } from '@okno/calendar';
import { newId } from '@okno/db';
import { blindIndex, IDENTITY_DOCUMENT_CONTEXT, identityDocumentValue } from '@okno/crypto';
import {
  applicationsIdempotencyKeys,
  applicationsOutbox,
  type Channel,
} from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import {
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  requirePrincipal,
  type FieldError,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { intakeRefusal } from '../model/collection';
import { insertApplication, recordTransition } from '../store/application-store';
import { CounterApplicant, seal } from '../store/sealing';
import { Application, toApplicationView } from './application-view';
import { bodyError } from './body-error';
import { officesFor, prefetchPublished, publishedFor } from './catalogue-prefetch';
import { collectionFieldErrors } from './collection-fields';
import { feeFacts, numberSubmitted, submission } from './submission';

/** Who takes applications in at a door other than the portal, and which door that is. */
const counterChannels: Record<string, Channel> = {
  [personRoles.mfcOfficer]: 'mfc',
  [personRoles.postOfficer]: 'post',
  [personRoles.mobileOfficer]: 'mobile',
  [machineRoles.postChannel]: 'post',
  [machineRoles.mobileSync]: 'mobile',
};
const isPartner = (p: Principal) =>
  hasRole(p, machineRoles.postChannel) || hasRole(p, machineRoles.mobileSync);

const CounterApplication = z
  .object({
    serviceCode: z.string().max(80),
    language: z.enum(['ru', 'en']).default('ru').openapi({
      description: "The applicant's language: the result document is written in it.",
    }),
    applicant: CounterApplicant.extend({
      type: z.enum(['citizen', 'business']).default('citizen'),
      /** Their portal account, if they have one: they can then follow it online. */
      subject: z.string().max(200).optional(),
      /** The company (OGRN) a business applicant's representative acts for. */
      company: z
        .string()
        .regex(/^\d{13}$|^\d{15}$/, 'an OGRN of 13 or 15 digits')
        .optional(),
    }),
    formData: z.record(z.string(), z.unknown()),
    /** Where the result is collected; the intake office by default, null for the portal. */
    collectOfficeCode: z.string().max(80).nullable().optional(),
    /** At a mobile office, the visit's date; none: its first visit once the result is ready. */
    collectVisitOn: z.iso.date().nullable().optional(),
    /** Partner systems only: the post office or mobile office that took it in. */
    officeCode: z.string().max(80).optional(),
    /** Partner systems only: the operator who checked the applicant's identity. */
    checkedBy: z.string().max(200).optional(),
  })
  .openapi('CounterApplication');
type CounterApplication = z.infer<typeof CounterApplication>;

/** Where and by whom it was taken in: an officer's own office, or the partner's word. */
function intake(p: Principal, body: CounterApplication) {
  const errors: FieldError[] = [];
  const channel = Object.entries(counterChannels).find(([role]) => hasRole(p, role))?.[1];
  if (!channel)
    throw forbidden('Only front-office officers and partner channels take applications in.');
  if (isPartner(p)) {
    if (!body.officeCode) errors.push(bodyError('/officeCode', 'say which office took it in'));
    if (!body.checkedBy) errors.push(bodyError('/checkedBy', 'say who checked the identity'));
    return { channel, office: body.officeCode ?? '', checkedBy: body.checkedBy ?? '', errors };
  }
  if (!p.office) throw forbidden('Your token names no office: take applications in at one.');
  return { channel, office: p.office, checkedBy: p.subject, errors };
}

export function counterRoutes(ctx: ApplicationsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/counter/applications',
      access: { roles: Object.keys(counterChannels) },
      idempotency: applicationsIdempotencyKeys,
      before: [prefetchPublished(ctx)],
      tags: ['applications'],
      summary: 'Take an application in at an MFC counter, a post office or a mobile office',
      description:
        "The officer has checked the applicant's identity document in person; it is recorded, " +
        'and the application is submitted at once (complete form required). Partner systems ' +
        '(the post operator, the mobile-office synchroniser) name the office and the operator. ' +
        'Send an Idempotency-Key: a mobile office on a satellite link will retry.',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: CounterApplication } },
        },
      },
      responses: {
        201: {
          description: 'The submitted application, with its number.',
          headers: { Location: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: Application } },
        },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const body = c.req.valid('json');
      const { channel, office, checkedBy, errors } = intake(principal, body);
      const version = publishedFor(c.req.raw);
      if (!version) {
        errors.push(bodyError('/serviceCode', 'the catalogue publishes no such service'));
      } else {
        if (!version.content.requestChannels.includes(channel)) {
          errors.push(
            bodyError('/serviceCode', `this service cannot be requested at a ${channel} office`),
          );
        }
        if (!version.content.applicantTypes.includes(body.applicant.type)) {
          errors.push(bodyError('/applicant/type', `a ${body.applicant.type} cannot apply for it`));
        }
      }
      if (body.applicant.type === 'business' && !body.applicant.company) {
        errors.push(bodyError('/applicant/company', "a business applicant's company is required"));
      }
      const now = ctx.now();
      const today = dateIn(now, ctx.region.calendar.timeZone);
      if (version && office) {
        const offices = officesFor(c.req.raw);
        const refusal = intakeRefusal(office, offices);
        if (refusal)
          errors.push(bodyError(isPartner(principal) ? '/officeCode' : '/serviceCode', refusal));
        const choice = {
          officeCode: body.collectOfficeCode === undefined ? office : body.collectOfficeCode,
          visitOn: body.collectVisitOn,
        };
        errors.push(...collectionFieldErrors(choice, offices, version, today));
      }
      if (errors.length > 0 || !version) throw invalidFields(errors);

      const id = newId();
      const { type, subject, company, fullName, identityDocument } = body.applicant;
      const row = await c.var.db.transaction(async (tx) => {
        const filed = {
          serviceCode: version.code,
          serviceVersion: version.version,
          serviceVersionId: version.id,
          applicantType: type,
        };
        const submitted = submission(ctx, filed, body.formData);
        const inserted = await insertApplication(tx, {
          id,
          ...filed,
          ...submitted,
          agencyCode: version.content.agencyCode,
          applicantSubject: subject ?? null,
          company: type === 'business' ? (company ?? null) : null,
          channel,
          language: body.language,
          officeCode: office,
          intakeBy: principal.subject,
          collectOfficeCode: body.collectOfficeCode === undefined ? office : body.collectOfficeCode,
          collectVisitOn: body.collectVisitOn ?? null,
          status: 'submitted',
          sealed: seal(ctx.keyring, id, {
            formData: body.formData,
            applicant: { fullName, identityDocument },
          }),
          identityCheck: {
            checkedBy,
            office,
            documentKind: identityDocument.kind,
            checkedAt: now.toISOString(),
          },
          termWorkingDays: version.content.deadlineWorkingDays,
        });
        await recordTransition(tx, {
          applicationId: id,
          step: 'submit',
          fromStatus: null,
          toStatus: 'submitted',
          actorSubject: principal.subject,
          actorRoles: principal.roles,
          channel,
          officeCode: office,
          reason: null,
        });
        const payer = {
          subject: inserted.applicantSubject,
          company: inserted.company,
          documentIndex: blindIndex(
            ctx.keyring,
            IDENTITY_DOCUMENT_CONTEXT,
            identityDocumentValue(identityDocument.kind, identityDocument.number),
          ),
        };
        const eventIds = [newId(), newId()];
        for (const [i, event] of (['created', 'submitted'] as const).entries()) {
          await enqueueEvent(tx, applicationsOutbox, {
            id: eventIds[i]!,
            type: `applications.application.${event}`,
            payload: {
              applicationId: id,
              number: inserted.number,
              serviceCode: version.code,
              agencyCode: inserted.agencyCode,
              channel,
              officeCode: office,
              ...(event === 'submitted' && feeFacts(ctx, filed, payer)),
            },
          });
        }
        return { ...inserted, number: await numberSubmitted(ctx, tx, id, eventIds, today) };
      });
      c.header('location', `/api/applications/applications/${row.id}`);
      c.header('etag', `"${row.revision}"`);
      return c.json(toApplicationView(row, principal, ctx), 201);
    },
  );
}
