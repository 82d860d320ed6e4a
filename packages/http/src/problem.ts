import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';

/** Stable problem types; documented in docs/api.md. */
export const problemTypes = {
  validation: 'validation-failed',
  malformed: 'malformed-request',
  notFound: 'not-found',
  methodNotAllowed: 'method-not-allowed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  conflict: 'conflict',
  preconditionFailed: 'precondition-failed',
  payloadTooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  uploadRefused: 'upload-refused',
  rangeNotSatisfiable: 'range-not-satisfiable',
  idempotencyKeyReused: 'idempotency-key-reused',
  idempotencyKeyInUse: 'idempotency-key-in-use',
  invalidCursor: 'invalid-cursor',
  unavailable: 'service-unavailable',
  overloaded: 'overloaded',
  rateLimited: 'rate-limited',
  internal: 'internal-error',
} as const;
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

export const problemTypeUri = (type: ProblemType) => `urn:okno:problem:${type}`;

export interface FieldError {
  /** Where the bad value is: body, query, path parameter or header. */
  location: 'body' | 'query' | 'path' | 'header';
  /** JSON Pointer to the bad field within that location ('' for the whole of it). */
  pointer: string;
  message: string;
}

export interface ProblemInit {
  status: ContentfulStatusCode;
  type: ProblemType;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2), such as an upload refusal's `reason`. */
  extensions?: Record<string, unknown>;
}

/** Thrown anywhere in a request; the error handler turns it into application/problem+json. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

export function problemResponse(c: Context, init: ProblemInit): Response {
  const body = {
    type: problemTypeUri(init.type),
    title: init.title,
    status: init.status,
    ...(init.detail === undefined ? {} : { detail: init.detail }),
    instance: c.req.path,
    ...(init.errors === undefined ? {} : { errors: init.errors }),
    ...init.extensions,
    requestId: c.get('requestId') as string | undefined,
  };
  return c.body(JSON.stringify(body), init.status, {
    'content-type': 'application/problem+json',
    ...init.headers,
  });
}

export const notFound = (detail: string) =>
  new ProblemError({ status: 404, type: problemTypes.notFound, title: 'Not Found', detail });
export const forbidden = (detail: string) =>
  new ProblemError({ status: 403, type: problemTypes.forbidden, title: 'Forbidden', detail });
export const conflict = (detail: string) =>
  new ProblemError({ status: 409, type: problemTypes.conflict, title: 'Conflict', detail });
/** Body fields that are well formed but wrong together, or against what the server holds. */
export const invalidFields = (errors: FieldError[]) =>
  new ProblemError({
    status: 422,
    type: problemTypes.validation,
    title: 'Unprocessable Content',
    detail: 'The request body has invalid fields.',
    errors,
  });
export const preconditionFailed = (detail: string) =>
  new ProblemError({
    status: 412,
    type: problemTypes.preconditionFailed,
    title: 'Precondition Failed',
    detail,
  });

/** The RFC 9457 body, for OpenAPI documents. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: problemTypeUri('validation-failed') }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          location: z.enum(['body', 'query', 'path', 'header']),
          pointer: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');
