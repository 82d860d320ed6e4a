import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '@okno/http';
import type { ResponseCache } from './response-cache';

/** The ETag of a response body: the same body always has the same tag, in any process. */
export const etagOf = (body: string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Answers with a public, cacheable JSON body: from the in-memory cache when it holds this
 * URL, otherwise produced and kept. An ETag lets browsers and CDNs revalidate (304).
 */
export async function cachedJson(
  c: Context<AppEnv>,
  cache: ResponseCache,
  produce: () => Promise<unknown>,
): Promise<Response> {
  const key = new URL(c.req.url).pathname + new URL(c.req.url).search;
  let cached = cache.get(key);
  if (!cached) {
    const body = JSON.stringify(await produce());
    cached = { body, etag: etagOf(body) };
    cache.set(key, cached);
  }
  c.header('etag', cached.etag);
  c.header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
  return c.body(cached.body, 200, { 'content-type': 'application/json' });
}
