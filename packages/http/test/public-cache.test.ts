import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseCache } from '../src/routes/response-cache';

afterEach(() => {
  vi.useRealTimers();
});

describe('the response cache', () => {
  it('forgets an entry after its time to live', () => {
    vi.useFakeTimers();
    const cache = new ResponseCache(1_000);
    cache.set('/services', { etag: '"a"', body: '[]' });
    vi.advanceTimersByTime(999);
    expect(cache.get('/services')).toEqual({ etag: '"a"', body: '[]' });
    vi.advanceTimersByTime(1);
    expect(cache.get('/services')).toBeUndefined();
  });

  it('keeps at most its number of entries, dropping the oldest', () => {
    const cache = new ResponseCache(60_000, 2);
    cache.set('a', { etag: '1', body: 'a' });
    cache.set('b', { etag: '2', body: 'b' });
    cache.set('c', { etag: '3', body: 'c' });
    expect([cache.get('a'), cache.get('b')?.body, cache.get('c')?.body]).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });

  it('forgets everything on clear', () => {
    const cache = new ResponseCache();
    cache.set('a', { etag: '1', body: 'a' });
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });
});
