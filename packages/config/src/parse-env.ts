import type { z } from 'zod';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Thrown at start-up when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment against a zod object schema, once, at start-up. */
export function parseEnv<S extends z.ZodType>(schema: S, source: EnvSource): z.output<S> {
  // Empty strings mean "unset": `FOO= pnpm start` should behave like not setting FOO.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      return `${name}: ${issue.message}`;
    }),
  );
}

/** The one place that reads the process environment. */
export function readEnv<S extends z.ZodType>(schema: S): z.output<S> {
  return parseEnv(schema, process.env);
}
