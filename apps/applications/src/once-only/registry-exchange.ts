import type { Keyring } from '@okno/crypto';
import type { Database, Executor } from '@okno/db';
import { applicationsOutbox } from '@okno/db/applications';
import { enqueueEvent } from '@okno/events';
import type { RegistryConnector, RegistryOutcome, RegistryRequest } from '@okno/plugin-sdk';
import { afterOutcome, registrySubject } from '../model/registry-requests';
import { findApplication, lockApplication } from '../store/application-store';
import { applyStep, nodeActor } from '../store/apply-step';
import {
  claimDueRequests,
  openRequestCount,
  settleClaimedRequest,
  type RegistryRequestRow,
} from '../store/registry-request-store';
import { sealAnswer, unseal } from '../store/sealing';

export interface RegistryExchangeDeps {
  db: Database;
  keyring: Keyring;
  /** The node's `applications.registry-connector` extensions, in the order given. */
  connectors: readonly RegistryConnector[];
  now: () => Date;
  random?: () => number;
}

/** A connector gets this long per call; the lease outlasts it, so no two sends overlap. */
const CALL_TIMEOUT_MS = 60_000;
const LEASE_MS = 2 * CALL_TIMEOUT_MS;
const BATCH = 50;

export interface ExchangeReport {
  sent: number;
  answered: number;
  pending: number;
  retrying: number;
  failed: number;
}

/**
 * One round of the inter-agency exchange: sends every due request through the connector for
 * its registry, writes what came back, and moves an application on once all its registries
 * have answered. Safe on several replicas (requests are leased) and after a crash (a lease
 * runs out and the request is sent again, with the same id, which registries deduplicate by).
 */
export async function exchangeWithRegistries(deps: RegistryExchangeDeps): Promise<ExchangeReport> {
  const now = deps.now();
  const claimed = await claimDueRequests(deps.db, now, new Date(now.getTime() + LEASE_MS), BATCH);
  const report: ExchangeReport = {
    sent: claimed.length,
    answered: 0,
    pending: 0,
    retrying: 0,
    failed: 0,
  };
  await Promise.all(
    claimed.map(async (request) => {
      const connector = connectorFor(deps.connectors, request.registry);
      const outcome = connector
        ? await send(connector, await requestFor(deps, request))
        : ({
            kind: 'failed',
            retryable: false,
            reason: `no registry connector for ${request.registry} is installed on this node`,
          } as const);
      const result = await deps.db.transaction((tx) =>
        record(tx, deps, request, outcome, connector?.id ?? null),
      );
      if (result) report[result] += 1;
    }),
  );
  return report;
}

const connectorFor = (connectors: readonly RegistryConnector[], registry: string) =>
  connectors.find((c) => c.registries === 'any' || c.registries.includes(registry));

async function send(connector: RegistryConnector, request: RegistryRequest) {
  try {
    return await connector.request(request, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', retryable: true, reason } as const;
  }
}

/** The request as a connector sees it, with who it is about from the sealed application. */
async function requestFor(
  deps: RegistryExchangeDeps,
  row: RegistryRequestRow,
): Promise<RegistryRequest> {
  const application = await findApplication(deps.db, row.applicationId);
  if (!application) throw new Error(`registry request ${row.id} has no application`);
  const sealed = unseal(deps.keyring, application.id, application.sealed);
  return {
    id: row.id,
    registry: row.registry,
    document: { code: row.documentCode, title: row.documentTitle },
    data: row.dataAsked,
    legalBasis: row.legalBasis,
    application: {
      id: application.id,
      number: application.number ?? '',
      serviceCode: application.serviceCode,
      agencyCode: application.agencyCode,
    },
    subject: {
      applicantType: application.applicantType,
      ...(application.company && { company: application.company }),
      ...registrySubject(sealed.formData, sealed.applicant),
    },
    firstSentAt: row.firstSentAt ?? deps.now(),
    attempt: row.attempt,
  };
}

async function record(
  tx: Executor,
  deps: RegistryExchangeDeps,
  claimed: RegistryRequestRow,
  outcome: RegistryOutcome,
  connectorId: string | null,
): Promise<keyof Omit<ExchangeReport, 'sent'> | undefined> {
  const now = deps.now();
  // The application first, as every route that touches its requests locks it first.
  const application = await lockApplication(tx, claimed.applicationId);
  const change = afterOutcome(claimed.attempt, outcome, now, deps.random);
  const settled = await settleClaimedRequest(tx, claimed, {
    ...change,
    connectorId,
    ...(outcome.kind === 'answered' && {
      answer: sealAnswer(deps.keyring, claimed.id, outcome.answer),
      answerReference: outcome.answer.reference,
      answeredAt: now,
      lastError: null,
    }),
  });
  // Another sender took it over after this one's lease ran out: theirs is the word.
  if (!settled) return undefined;
  if (settled.status === 'open') return outcome.kind === 'pending' ? 'pending' : 'retrying';

  await enqueueEvent(tx, applicationsOutbox, {
    type: `applications.registry-request.${settled.status}`,
    payload: {
      requestId: settled.id,
      applicationId: settled.applicationId,
      registry: settled.registry,
      documentCode: settled.documentCode,
    },
  });
  // No request open any more: the review can start.
  if (
    application?.status === 'awaiting-registries' &&
    (await openRequestCount(tx, application.id)) === 0
  ) {
    await applyStep(tx, application, 'registries-answered', nodeActor);
  }
  return settled.status;
}
