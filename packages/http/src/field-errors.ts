import type { z } from 'zod';
import type { FieldError } from './problem';

const locations = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'header',
} as const satisfies Record<string, FieldError['location']>;

export type ValidationTarget = keyof typeof locations;

/** Every zod issue as a field error with a JSON Pointer (RFC 6901) to the bad value. */
export function fieldErrors(target: ValidationTarget, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    location: locations[target],
    pointer: issue.path
      .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
      .join(''),
    message: issue.message,
  }));
}
