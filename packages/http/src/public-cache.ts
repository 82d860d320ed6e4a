import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from './app-env';

/** A public response as it was sent: its body, ETag, and the route template that made it. */
export interface CachedResponse {
  body: string;
  etag: string;
  route: string;
}

/** The ETag of a response body: the same body always has the same tag, in any process. */
export const etagOf = (body: string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Public responses (the same for every caller: the catalogue's services and offices) kept in
 * memory for a few seconds, by path and query. The process forgets everything when a service
 * changes what it publishes; other processes (a service scaled out) within `ttlMs`, which is
 * also far inside the 60 s clients may cache.
 */
export class PublicCache {
  private readonly entries = new Map<string, { response: CachedResponse; expires: number }>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 5_000,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.response;
  }

  set(key: string, response: CachedResponse): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { response, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

const keyOf = (c: Context) => {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
};

function answer(c: Context, cached: CachedResponse): Response {
  c.header('etag', cached.etag);
  c.header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
  return c.body(cached.body, 200, { 'content-type': 'application/json' });
}

/**
 * A route's public JSON answer: from the cache when it holds this URL, otherwise produced and
 * kept. An ETag lets browsers and CDNs revalidate (304). Only for public routes: whoever asks
 * next gets the same bytes.
 */
export async function cachedJson(
  c: Context<AppEnv>,
  cache: PublicCache,
  produce: () => Promise<unknown>,
): Promise<Response> {
  const key = keyOf(c);
  let cached = cache.get(key);
  if (!cached) {
    const body = JSON.stringify(await produce());
    cached = { body, etag: etagOf(body), route: routePath(c) };
    cache.set(key, cached);
  }
  return answer(c, cached);
}

/**
 * Answers an anonymous GET the cache holds before it is routed into a service: what is public
 * and already made needs no authentication, validation or database, and stays served while
 * the node sheds load. A request with credentials goes the whole way (a bad token is refused
 * even on a public route).
 */
export function servePublicCache(cache: PublicCache): MiddlewareHandler<AppEnv> {
  return async function publicCacheMiddleware(c, next) {
    if (c.req.method !== 'GET' || c.req.header('authorization') !== undefined) return next();
    const cached = cache.get(keyOf(c));
    if (!cached) return next();
    c.set('route', cached.route);
    return answer(c, cached);
  };
}
