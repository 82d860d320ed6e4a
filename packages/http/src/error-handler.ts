import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AuthenticationError } from '@okno/auth';
import type { AppEnv } from './app-env';
import { fieldErrors, type ValidationTarget } from './field-errors';
import { ProblemError, problemResponse, problemTypes } from './problem';
import type { z } from 'zod';

/** Turns anything thrown during a request into application/problem+json. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) return problemResponse(c, error.problem);
  if (error instanceof AuthenticationError) return unauthenticated(c, error.message);
  if (error instanceof HTTPException) return fromHttpException(c, error);
  if (sqlState(error) === UNIQUE_VIOLATION) {
    return problemResponse(c, {
      status: 409,
      type: problemTypes.conflict,
      title: 'Conflict',
      detail: 'A resource with the same unique value already exists.',
    });
  }
  if (databaseUnavailable(error)) {
    c.get('logger')?.warn({ err: error }, 'the database is unavailable');
    return problemResponse(c, {
      status: 503,
      type: problemTypes.unavailable,
      title: 'Service Unavailable',
      detail: 'The database is unavailable for a moment; send the request again.',
      headers: { 'retry-after': '1' },
    });
  }
  c.get('logger')?.error({ err: error }, 'unhandled error');
  return problemResponse(c, {
    status: 500,
    type: problemTypes.internal,
    title: 'Internal Server Error',
    detail: 'The request failed on the server; it has been logged with its request id.',
  });
}

const UNIQUE_VIOLATION = '23505';

/**
 * A lost or restarting database: SQLSTATE class 08 (connection exception) or 57P (operator
 * intervention: shutdown, crash, not yet accepting), a refused or reset socket, or
 * node-postgres's own words for a connection that died. Nothing a client did; retrying helps.
 */
function databaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (state.startsWith('08') || state.startsWith('57P'))) return true;
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && SOCKET_LOST.has(code)) return true;
    if (typeof message === 'string' && PG_CONNECTION_LOST.test(message)) return true;
    depth += 1;
  }
  return false;
}

const SOCKET_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const PG_CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error)/;

/** The PostgreSQL error code, whether the driver error is thrown as is or wrapped by Drizzle. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    depth += 1;
  }
  return undefined;
}

export function unauthenticated(c: Context, detail: string): Response {
  return problemResponse(c, {
    status: 401,
    type: problemTypes.unauthenticated,
    title: 'Unauthorized',
    detail,
    headers: { 'www-authenticate': `Bearer error="invalid_token"` },
  });
}

function fromHttpException(c: Context<AppEnv>, error: HTTPException): Response {
  if (error.status === 400 && /malformed json/i.test(error.message)) {
    return problemResponse(c, {
      status: 400,
      type: problemTypes.malformed,
      title: 'Bad Request',
      detail: 'The request body is not valid JSON.',
    });
  }
  if (error.status === 413) {
    return problemResponse(c, {
      status: 413,
      type: problemTypes.payloadTooLarge,
      title: 'Content Too Large',
      detail: error.message,
    });
  }
  return problemResponse(c, {
    status: error.status,
    type: error.status >= 500 ? problemTypes.internal : problemTypes.malformed,
    title: error.message || 'Request failed',
  });
}

/** The validation hook of every route: every bad field, with where it is and why. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: ValidationTarget },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const inBody = result.target === 'json' || result.target === 'form';
  return problemResponse(c, {
    status: inBody ? 422 : 400,
    type: problemTypes.validation,
    title: inBody ? 'Unprocessable Content' : 'Bad Request',
    detail: `The request ${inBody ? 'body' : result.target} has invalid fields.`,
    errors: fieldErrors(result.target, result.error),
  });
}
