import { z } from '@hono/zod-openapi';
import { actorOf, recordAudit, type AuditKind } from '@okno/audit';
import { hasAnyRole, hasRole, personRoles, type Principal } from '@okno/auth';
import { dateIn } from '@okno/calendar';
import { newId } from '@okno/db';
import { applicationsIdempotencyKeys, type Channel } from '@okno/db/applications';
import {
  conflict,
  createRouter,
  defineRoute,
  forbidden,
  invalidFields,
  requirePrincipal,
  type FieldError,
} from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { NEAR_WORKING_DAYS } from '../deadline-sweep';
import { mayTakeStep } from '../model/access';
import { deadlineState, dueDate, resume, type LegalClock } from '../model/deadline';
import { stepNames, takeStep, type Status, type Step } from '../model/lifecycle';
import { stepRefusal } from '../model/step-guards';
import { openRegistryRequests } from '../once-only/open-requests';
import {
  lockApplication,
  type ApplicationRow,
  type NewApplicationRow,
} from '../store/application-store';
import { applyStep, type Actor } from '../store/apply-step';
import { unseal } from '../store/sealing';
import { bodyError } from './body-error';
import { requireRevision } from './if-match';
import { Application, factsOf, toApplicationView } from './application-view';
import { prefetchApplicationVersion } from './catalogue-prefetch';
import { applicationReaders, readable } from './portal-routes';
import { feeFacts, numberSubmitted, submission } from './submission';

const StepRequest = z
  .object({
    step: z.enum(stepNames as [Step, ...Step[]]),
    reason: z.string().trim().min(1).max(2000).optional().openapi({
      description: 'Why: required to request information and to refuse.',
    }),
    outcome: z.enum(['approved', 'refused']).optional().openapi({ description: 'For decide.' }),
  })
  .openapi('StepRequest');
type StepRequest = z.infer<typeof StepRequest>;

/** The door a step came through: the portal, a counter, or none (the back office). */
function channelOf(p: Principal): Channel | null {
  if (hasRole(p, personRoles.mfcOfficer)) return 'mfc';
  if (hasRole(p, personRoles.postOfficer)) return 'post';
  if (hasRole(p, personRoles.mobileOfficer)) return 'mobile';
  if (hasAnyRole(p, [personRoles.citizen, personRoles.businessRepresentative])) return 'portal';
  return null;
}

/** What a step needs in its request beyond its name. */
function requestErrors(request: StepRequest): FieldError[] {
  if (request.step === 'request-information' && !request.reason) {
    return [bodyError('/reason', 'say what the applicant should provide')];
  }
  if (request.step === 'decide') {
    if (!request.outcome) return [bodyError('/outcome', 'approved or refused')];
    if (request.outcome === 'refused' && !request.reason) {
      return [bodyError('/reason', 'a refusal must give its reason')];
    }
  }
  return [];
}

/** Steps that decide what a person gets, recorded in the audit trail with who took them. */
const auditedSteps: Partial<Record<Step, AuditKind>> = {
  decide: 'application-decided',
  issue: 'application-issued',
};

export function stepRoutes(ctx: ApplicationsContext) {
  const clockOf = (row: ApplicationRow): LegalClock => ({
    registeredOn: row.registeredOn ?? '',
    termWorkingDays: row.termWorkingDays,
    pausedWorkingDays: row.pausedWorkingDays,
    pausedOn: row.pausedOn ?? undefined,
  });
  const withDeadline = (clock: LegalClock, today: string): Partial<NewApplicationRow> => {
    const due = dueDate(clock, today, ctx.region.calendar);
    return {
      dueOn: due,
      deadlineState: deadlineState(due, today, NEAR_WORKING_DAYS, ctx.region.calendar),
    };
  };

  /** The changes a step makes beyond the status, or the fields it is refused for. */
  function effects(row: ApplicationRow, request: StepRequest): Partial<NewApplicationRow> {
    const now = ctx.now();
    const today = dateIn(now, ctx.region.calendar.timeZone);
    switch (request.step) {
      case 'submit':
        return submission(ctx, row, unseal(ctx.keyring, row.id, row.sealed).formData);
      case 'register': {
        const clock = { ...clockOf(row), registeredOn: today };
        return { registeredOn: today, ...withDeadline(clock, today) };
      }
      case 'request-information':
        return { pausedOn: today, ...withDeadline({ ...clockOf(row), pausedOn: today }, today) };
      case 'provide-information': {
        const resumed = resume(clockOf(row), today, ctx.region.calendar);
        return {
          pausedOn: null,
          pausedWorkingDays: resumed.pausedWorkingDays,
          ...withDeadline(resumed, today),
        };
      }
      case 'decide':
        return {
          decision: {
            outcome: request.outcome ?? 'approved',
            ...(request.reason && { reason: request.reason }),
          },
          // Decided: the clock has done its work.
          deadlineState: null,
        };
      default:
        return {};
    }
  }

  /**
   * What the decided event carries for the documents service to issue the result document:
   * the outcome, the service's title and the applicant's language and account, so it needs
   * no call back (the version was read before the transaction, so this comes from cache).
   */
  async function resultFacts(row: ApplicationRow, request: StepRequest) {
    const version = await ctx.catalogue.version(row.serviceCode, row.serviceVersion);
    return {
      result: {
        outcome: request.outcome ?? 'approved',
        ...(request.reason && { reason: request.reason }),
        serviceTitle: version?.content.title ?? { ru: row.serviceCode, en: row.serviceCode },
        language: row.language,
        applicantSubject: row.applicantSubject,
        decidedAt: ctx.now().toISOString(),
      },
    };
  }

  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/applications/{id}/steps',
      access: { roles: applicationReaders },
      idempotency: applicationsIdempotencyKeys,
      before: [prefetchApplicationVersion(ctx)],
      tags: ['applications'],
      summary: 'Take a step in the lifecycle: submit, register, decide, issue, withdraw, ...',
      description:
        'Who may take which step is in docs/applications.md. A step the status does not allow is refused with 409. ' +
        'Send `If-Match` with the ETag you read to be refused (412) if the application changed since.',
      request: {
        params: z.object({ id: z.uuid() }),
        headers: z.object({
          'if-match': z.string().max(20).optional(),
          'idempotency-key': z.string().max(200).optional(),
        }),
        body: { required: true, content: { 'application/json': { schema: StepRequest } } },
      },
      responses: {
        200: {
          description: 'The application after the step.',
          content: { 'application/json': { schema: Application } },
        },
        404: { description: 'No such application that the caller may see.' },
        409: { description: 'The step does not fit the status.' },
        412: { description: 'It changed since the ETag given in If-Match.' },
      },
    }),
    async (c) => {
      const principal: Principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const ifMatch = c.req.valid('header')['if-match'];
      const request = c.req.valid('json');
      const errors = requestErrors(request);
      if (errors.length > 0) throw invalidFields(errors);
      const row = await c.var.db.transaction(async (tx) => {
        const current = readable(ctx, principal, await lockApplication(tx, id));
        if (!mayTakeStep(principal, request.step, factsOf(current, ctx.region.code))) {
          throw forbidden(`You may not ${request.step} this application.`);
        }
        requireRevision(ifMatch, current);
        const outcome = takeStep(current.status as Status, request.step);
        if (!outcome.ok) throw conflict(outcome.reason);
        const refusal = stepRefusal(request.step, current);
        if (refusal) throw conflict(refusal);
        const actor: Actor = {
          subject: principal.subject,
          roles: principal.roles,
          channel: channelOf(principal),
          officeCode: principal.office ?? null,
        };
        const changes = effects(current, request);
        const details =
          request.step === 'decide'
            ? await resultFacts(current, request)
            : request.step === 'submit'
              ? feeFacts(ctx, current, {
                  subject: current.applicantSubject,
                  company: current.company,
                  documentIndex: null,
                })
              : {};
        const eventId = newId();
        const updated = await applyStep(
          tx,
          current,
          request.step,
          actor,
          changes,
          request.reason,
          details,
          eventId,
        );
        const audited = auditedSteps[request.step];
        if (audited) {
          await recordAudit(tx, {
            kind: audited,
            ...actorOf(principal, c.var.requestId),
            target: current.id,
            details: {
              number: updated.number,
              serviceCode: updated.serviceCode,
              agencyCode: updated.agencyCode,
              ...(request.step === 'decide' && { outcome: request.outcome ?? 'approved' }),
              ...(request.reason && { reason: request.reason }),
            },
          });
        }
        if (request.step === 'submit') {
          const today = dateIn(ctx.now(), ctx.region.calendar.timeZone);
          return {
            ...updated,
            number: await numberSubmitted(ctx, tx, updated.id, [eventId], today),
          };
        }
        // Registered: the agency now asks the registries for what the state already holds.
        return request.step === 'register' ? openRegistryRequests(ctx, tx, updated) : updated;
      });
      c.header('etag', `"${row.revision}"`);
      return c.json(toApplicationView(row, principal, ctx), 200);
    },
  );
}
