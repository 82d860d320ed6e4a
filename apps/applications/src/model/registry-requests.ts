import type { RegistryOutcome } from '@okno/plugin-sdk';
import type { CatalogueVersion } from '../catalogue-client';

/*
 * The once-only rule, as pure decisions: which requests an application needs, on what legal
 * basis, and what a registry's outcome does to a request. The store and the exchange job do
 * the SQL and the calls.
 */

type Localized = { ru: string; en: string };

export interface RegistryDocument {
  documentCode: string;
  documentTitle: Localized;
  registry: string;
  dataAsked: Localized;
}

/** The documents of a service version that the agency obtains from registries itself. */
export const registryDocuments = (version: CatalogueVersion): RegistryDocument[] =>
  version.content.documents.flatMap((document) =>
    document.source.kind === 'registry'
      ? [
          {
            documentCode: document.code,
            documentTitle: document.title,
            registry: document.source.registry,
            dataAsked: document.source.data,
          },
        ]
      : [],
  );

/**
 * What entitles the agency to ask: Federal Law 210-FZ forbids asking the applicant for what
 * state bodies hold (art. 7(1)(2)), obliges the agency to request it itself (art. 7.1) and
 * says what the request must name (art. 7.2), including the service it is for.
 */
export const legalBasisFor = (version: CatalogueVersion): Localized => ({
  ru:
    'Федеральный закон от 27.07.2010 № 210-ФЗ «Об организации предоставления государственных и муниципальных услуг», ' +
    `ст. 7 ч. 1 п. 2, ст. 7.1, 7.2; услуга «${version.content.title.ru}» (${version.code}, версия ${version.version})`,
  en:
    'Federal Law No. 210-FZ of 27 July 2010 "On the organisation of the provision of state and municipal services", ' +
    `art. 7(1)(2), 7.1, 7.2; service "${version.content.title.en}" (${version.code}, version ${version.version})`,
});

/** Form fields that identify whom or what a registry is asked about; it gets nothing else. */
const identifyingFields = [
  'fullName',
  'birthDate',
  'childName',
  'childBirthDate',
  'inn',
  'cadastralNumber',
  'vin',
] as const;

/** Who a request is about: the identifying part of what the applicant gave (data minimisation). */
export function registrySubject(
  formData: Readonly<Record<string, unknown>>,
  counterApplicant?: { fullName: string; identityDocument: unknown },
): Record<string, unknown> {
  const subject: Record<string, unknown> = {};
  for (const field of identifyingFields) {
    if (formData[field] !== undefined) subject[field] = formData[field];
  }
  if (counterApplicant) {
    subject['fullName'] = counterApplicant.fullName;
    subject['identityDocument'] = counterApplicant.identityDocument;
  }
  return subject;
}

/** A retryable failure is retried this many times in all; then the officer is told. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * How long to wait after the n-th failed attempt: 30 s, 1, 2, 4 min, ... up to an hour, with up
 * to a tenth more at random so that requests that failed together are not retried together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_WAIT_MS);
  return Math.round(base * (1 + random() / 10));
}

/** A pending registry is asked again no sooner than a second and no later than an hour. */
const pendingWaitMs = (ms: number) => Math.min(Math.max(ms, 1_000), LONGEST_WAIT_MS);

export type RequestChange =
  | { status: 'answered' }
  | { status: 'open'; attempt: number; nextAttemptAt: Date; lastError: string | null }
  | { status: 'failed'; lastError: string };

/** What an outcome does to a request that was on its `attempt`-th attempt. */
export function afterOutcome(
  attempt: number,
  outcome: RegistryOutcome,
  now: Date,
  random?: () => number,
): RequestChange {
  switch (outcome.kind) {
    case 'answered':
      return { status: 'answered' };
    case 'pending':
      return {
        status: 'open',
        attempt,
        nextAttemptAt: new Date(now.getTime() + pendingWaitMs(outcome.checkAgainInMs)),
        lastError: null,
      };
    case 'failed':
      if (!outcome.retryable) return { status: 'failed', lastError: outcome.reason };
      if (attempt >= MAX_ATTEMPTS) {
        return {
          status: 'failed',
          lastError: `gave up after ${attempt} attempts: ${outcome.reason}`,
        };
      }
      return {
        status: 'open',
        attempt: attempt + 1,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, random)),
        lastError: outcome.reason,
      };
  }
}
