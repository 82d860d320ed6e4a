import type { RegistryConnector, RegistryOutcome, RegistryRequest } from '@okno/plugin-sdk';

export interface DemoRegistryOptions {
  /** How long after the first send the answer comes; until then, "pending". */
  delayMs?: number;
  /** Which sends fail (as a registry that timed out would); by default one in five, at random. */
  failWhen?: (request: RegistryRequest) => boolean;
  /** The clock the delay is measured by. */
  now?: () => Date;
}

/**
 * Pretends to be every state registry: answers after a delay with an extract that names the
 * applicant, and sometimes fails the way a real exchange does. Stateless (the delay counts from
 * the request's first send), so a restarted node finds its answers where it left them.
 */
export function demoRegistryConnector(options: DemoRegistryOptions = {}): RegistryConnector {
  const delayMs = options.delayMs ?? 3_000;
  const failWhen = options.failWhen ?? (() => Math.random() < 0.2);
  const now = options.now ?? (() => new Date());
  return {
    id: 'okno.demo-registry',
    registries: 'any',
    request(request: RegistryRequest): Promise<RegistryOutcome> {
      if (failWhen(request)) {
        return Promise.resolve({
          kind: 'failed',
          retryable: true,
          reason: `${request.registry} did not answer in time (demo registry)`,
        });
      }
      const waited = now().getTime() - request.firstSentAt.getTime();
      if (waited < delayMs) {
        return Promise.resolve({ kind: 'pending', checkAgainInMs: delayMs - waited });
      }
      return Promise.resolve({ kind: 'answered', answer: extractFor(request) });
    },
  };
}

function extractFor(request: RegistryRequest) {
  const fullName = request.subject['fullName'];
  return {
    reference: `DEMO-${request.registry.toUpperCase()}-${request.id.slice(-12)}`,
    issuedBy: `Demo ${request.registry} registry`,
    data: {
      found: true,
      about: typeof fullName === 'string' ? fullName : null,
      asked: request.data.en,
      extractDate: request.firstSentAt.toISOString().slice(0, 10),
    },
  };
}
