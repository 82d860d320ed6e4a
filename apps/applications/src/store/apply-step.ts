import { newId, type Executor } from '@okno/db';
import { applicationsOutbox, type Channel } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import { conflict } from '@okno/http';
import { takeStep, type Status, type Step } from '../model/lifecycle';
import {
  recordTransition,
  updateApplication,
  type ApplicationRow,
  type NewApplicationRow,
} from './application-store';

/** Who took a step, as the transition records them. */
export interface Actor {
  subject: string;
  roles: readonly string[];
  channel: Channel | null;
  officeCode: string | null;
}

/** The node itself: it sends inter-agency requests and moves on when they are answered. */
export const nodeActor: Actor = {
  subject: 'okno:applications',
  roles: [],
  channel: null,
  officeCode: null,
};

/** Past-tense event names of the steps: `applications.application.<this>`. */
const eventOf: Record<Step, string> = {
  submit: 'submitted',
  register: 'registered',
  'await-registries': 'registries-requested',
  'registries-answered': 'registries-answered',
  review: 'review-started',
  'request-information': 'information-requested',
  'provide-information': 'information-provided',
  decide: 'decided',
  'dispatch-result': 'result-dispatched',
  'result-ready': 'result-prepared',
  issue: 'issued',
  withdraw: 'withdrawn',
};

/**
 * Takes a step on a locked application: the new status with the step's other changes, the
 * transition (who, when, which door, why) and the event, all in the caller's transaction.
 * Refused with 409 if the status does not allow the step.
 */
export async function applyStep(
  tx: Executor,
  current: ApplicationRow,
  step: Step,
  actor: Actor,
  changes: Partial<NewApplicationRow> = {},
  reason: string | null = null,
  eventDetails: Record<string, unknown> = {},
  /** The announcing event's id, for a caller that writes to it again (the number). */
  eventId: string = newId(),
): Promise<ApplicationRow> {
  const outcome = takeStep(current.status as Status, step);
  if (!outcome.ok) throw conflict(outcome.reason);
  const updated = await updateApplication(tx, current, { ...changes, status: outcome.to });
  await recordTransition(tx, {
    applicationId: current.id,
    step,
    fromStatus: current.status,
    toStatus: outcome.to,
    actorSubject: actor.subject,
    actorRoles: actor.roles,
    channel: actor.channel,
    officeCode: actor.officeCode,
    reason,
  });
  await enqueueEvent(tx, applicationsOutbox, {
    id: eventId,
    type: `applications.application.${eventOf[step]}`,
    payload: {
      applicationId: current.id,
      number: updated.number,
      serviceCode: updated.serviceCode,
      agencyCode: updated.agencyCode,
      status: updated.status,
      ...eventDetails,
    },
  });
  return updated;
}
