import type { MiddlewareHandler } from 'hono';
import { problemResponse, problemTypes } from './problem';

/** A JSON operation refuses other content types with 415 instead of misreading the body. */
export function requireJsonBody(): MiddlewareHandler {
  return async function requireJsonBodyMiddleware(c, next) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
      return problemResponse(c, {
        status: 415,
        type: problemTypes.unsupportedMediaType,
        title: 'Unsupported Media Type',
        detail: `Send the body as application/json${type ? `, not ${type.split(';')[0]}` : ''}.`,
        headers: { accept: 'application/json' },
      });
    }
    return next();
  };
}
