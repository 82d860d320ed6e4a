import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import {
  authenticate,
  cachedJson,
  createLogger,
  createRootApp,
  PublicCache,
  type AppEnv,
} from '../src';

afterEach(() => {
  vi.useRealTimers();
});

describe('the public cache', () => {
  it('forgets an entry after its time to live', () => {
    vi.useFakeTimers();
    const cache = new PublicCache(1_000);
    cache.set('/services', { etag: '"a"', body: '[]', route: '/services' });
    vi.advanceTimersByTime(999);
    expect(cache.get('/services')).toEqual({ etag: '"a"', body: '[]', route: '/services' });
    vi.advanceTimersByTime(1);
    expect(cache.get('/services')).toBeUndefined();
  });

  it('keeps at most its number of entries, dropping the oldest', () => {
    const cache = new PublicCache(60_000, 2);
    cache.set('a', { etag: '1', body: 'a', route: '/a' });
    cache.set('b', { etag: '2', body: 'b', route: '/b' });
    cache.set('c', { etag: '3', body: 'c', route: '/c' });
    expect([cache.get('a'), cache.get('b')?.body, cache.get('c')?.body]).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });

  it('forgets everything on clear', () => {
    const cache = new PublicCache();
    cache.set('a', { etag: '1', body: 'a', route: '/a' });
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('public answers before routing', () => {
  /** A node whose service counts the requests that reach it and the answers it makes. */
  function node() {
    const publicCache = new PublicCache();
    const root = createRootApp({
      logger: createLogger({ name: 'public-cache-test', level: 'silent' }),
      publicCache,
    });
    const counts = { reached: 0, produced: 0 };
    const service = new Hono<AppEnv>()
      .use(async (_c, next) => {
        counts.reached += 1;
        await next();
      })
      .use(authenticate(null))
      .get('/things/:id', (c) =>
        cachedJson(c, publicCache, () => {
          counts.produced += 1;
          return Promise.resolve({ id: c.req.param('id'), made: counts.produced });
        }),
      );
    root.route('/api/things-service', service);
    return { root, counts };
  }

  it('answers an anonymous GET it holds without reaching the service, and revalidates with 304', async () => {
    const { root, counts } = node();
    const first = await root.request('/api/things-service/things/1?full=yes');
    const etag = first.headers.get('etag');
    expect([first.status, await first.json(), etag]).toEqual([
      200,
      { id: '1', made: 1 },
      expect.stringMatching(/^".+"$/),
    ]);

    const again = await root.request('/api/things-service/things/1?full=yes');
    expect([again.status, await again.json(), again.headers.get('etag')]).toEqual([
      200,
      { id: '1', made: 1 },
      etag,
    ]);
    expect(again.headers.get('cache-control')).toContain('public');
    const unchanged = await root.request('/api/things-service/things/1?full=yes', {
      headers: { 'if-none-match': etag! },
    });
    expect(unchanged.status).toBe(304);
    expect(counts).toEqual({ reached: 1, produced: 1 });

    // Another query is another answer.
    const other = await root.request('/api/things-service/things/1');
    expect(await other.json()).toEqual({ id: '1', made: 2 });
  });

  it('sends a request with credentials the whole way: a bad token is refused on a public route', async () => {
    const { root, counts } = node();
    await root.request('/api/things-service/things/2');
    const withToken = await root.request('/api/things-service/things/2', {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(withToken.status).toBe(401);
    expect(counts.reached).toBe(2);
  });
});
