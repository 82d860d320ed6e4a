import { z } from 'zod';

/** Variables every Okno process understands. */
export const baseEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OKNO_REGION: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as RU-KEM')
    .default('RU-KEM'),
});
export type BaseEnv = z.output<typeof baseEnv>;

export const httpEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Seconds to wait for in-flight requests on SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(25),
});

export const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  OKNO_DATA_DIR: z.string().default('.okno-data'),
});

export function isDevelopment(env: Pick<BaseEnv, 'NODE_ENV'>): boolean {
  return env.NODE_ENV !== 'production';
}

/**
 * A secret: required in production. Outside production it may be left unset and the
 * caller generates a throw-away value, so no secret is ever a constant in the code.
 */
export function secret(minLength = 32) {
  return z.string().min(minLength, `must be at least ${minLength} characters`);
}
