/**
 * The `applications.registry-connector` extension point: how a node asks a state registry for
 * a document the state already holds, instead of asking the applicant (the once-only rule).
 * In Russia the exchange runs through SMEV; a vendor's connector wraps their SMEV adapter, a
 * regional registry's API, or anything else that answers for one or more registries.
 */

/** Russian and English text. */
export interface Localized {
  ru: string;
  en: string;
}

/** One inter-agency request, as the node hands it to a connector. */
export interface RegistryRequest {
  /**
   * Stable across attempts: the node sends the same id again when it retries or asks whether
   * an answer has come, so the registry (and the connector) can deduplicate by it.
   */
  id: string;
  /** The registry's code in the catalogue's vocabulary: `civil-registry`, `tax-service`, ... */
  registry: string;
  /** The document the catalogue says the agency obtains from this registry. */
  document: { code: string; title: Localized };
  /** Which data the agency asks for. */
  data: Localized;
  /** The law that entitles the agency to ask (it goes into the request, as SMEV requires). */
  legalBasis: Localized;
  /** The application it is for and the agency that asks. */
  application: { id: string; number: string; serviceCode: string; agencyCode: string };
  /** Who the request is about: what the applicant gave of themselves (personal data). */
  subject: Readonly<Record<string, unknown>>;
  /** When the node first sent it: a registry that answers later counts from here. */
  firstSentAt: Date;
  /** 1 on the first send, then 2, 3, ... on each retry after a failure. */
  attempt: number;
}

/** What the registry gave: attached to the application, sealed at rest. */
export interface RegistryAnswer {
  /** The registry's own id for its answer (the SMEV message id, an extract number, ...). */
  reference: string;
  /** Who answered, as they name themselves. */
  issuedBy: string;
  /** The data asked for. */
  data: Readonly<Record<string, unknown>>;
}

export type RegistryOutcome =
  /** The answer is in. */
  | { kind: 'answered'; answer: RegistryAnswer }
  /** Accepted; ask again (with the same id) after this long. Not a failure. */
  | { kind: 'pending'; checkAgainInMs: number }
  /**
   * It did not work. Retryable failures (timeouts, the registry down) are tried again with
   * backoff; a final one (no such record, a refusal) is shown to the officer as it is.
   */
  | { kind: 'failed'; retryable: boolean; reason: string };

export interface RegistryConnector {
  /** Names the connector in logs and on the request (`acme.smev3`). */
  readonly id: string;
  /** The registries it answers for, or every registry. The first that fits is used. */
  readonly registries: readonly string[] | 'any';
  /**
   * Sends the request, or asks after it again. A thrown error counts as a retryable failure.
   * Must give up when `signal` aborts.
   */
  request(request: RegistryRequest, options: { signal: AbortSignal }): Promise<RegistryOutcome>;
}
