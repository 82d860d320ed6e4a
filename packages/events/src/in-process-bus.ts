import type { EventEnvelope } from './envelope';

export type EventHandler = (event: EventEnvelope) => Promise<unknown>;

export interface InProcessBus {
  /**
   * Handles events whose type matches `pattern`: an exact type, or NATS-style wildcards
   * (`*` one token, `>` the rest), e.g. `applications.application.*` or `payments.>`.
   */
  subscribe(pattern: string, handler: EventHandler): () => void;
  /** Delivers to every matching handler; fails if any fails, so the relay retries. */
  readonly publish: (event: EventEnvelope) => Promise<void>;
}

/** The embedded profile's broker: the outbox relay publishes straight to in-process handlers. */
export function createInProcessBus(): InProcessBus {
  const subscriptions = new Set<{ pattern: string[]; handler: EventHandler }>();
  return {
    subscribe(pattern, handler) {
      const subscription = { pattern: pattern.split('.'), handler };
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
    publish: async (event) => {
      const tokens = event.type.split('.');
      for (const { pattern, handler } of subscriptions) {
        if (matches(pattern, tokens)) await handler(event);
      }
    },
  };
}

export function matches(pattern: readonly string[], tokens: readonly string[]): boolean {
  for (const [i, part] of pattern.entries()) {
    if (part === '>') return tokens.length > i;
    if (i >= tokens.length || (part !== '*' && part !== tokens[i])) return false;
  }
  return pattern.length === tokens.length;
}
