import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { invalidFields, ProblemError, problemTypes } from './problem';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAY_HOLD_NUL = /\u0000|\\u0000/i;

/**
 * What JSON parsing lets through and the database does not: bytes that are not UTF-8 (a
 * parser would quietly turn them into U+FFFD and store a mangled name) are refused with 400;
 * U+0000 in any string or key (PostgreSQL cannot store it in text or jsonb, so the write would
 * fail with a server error, and no form a person fills in has one) with 422 naming where.
 */
export const checkJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!/json/i.test(c.req.header('content-type') ?? '')) return next();
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ProblemError({
      status: 400,
      type: problemTypes.malformed,
      title: 'Bad Request',
      detail: 'The request body is not valid UTF-8.',
    });
  }
  if (!MAY_HOLD_NUL.test(text)) return next();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return next(); // Not JSON at all: the route's validation says so.
  }
  const pointer = nulPointer(parsed);
  if (pointer === null) return next();
  throw invalidFields([
    {
      location: 'body',
      pointer,
      message: 'contains a NUL character (U+0000), which is not accepted',
    },
  ]);
};

/** The JSON Pointer of the first string or key with U+0000, walked without recursion. */
function nulPointer(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const path = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        if (key.includes('\u0000')) return path;
        stack.push([child, path]);
      }
    }
  }
  return null;
}

/**
 * The same for the URL: a query or path parameter with U+0000 (`%00`) would reach PostgreSQL
 * and fail there; it is refused with 400 before any handler runs.
 */
export const refuseNulInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!/%00/.test(c.req.url)) return next();
  throw new ProblemError({
    status: 400,
    type: problemTypes.validation,
    title: 'Bad Request',
    detail: 'The URL contains a NUL character (%00), which is not accepted.',
    errors: [{ location: 'query', pointer: '', message: 'contains %00' }],
  });
};
