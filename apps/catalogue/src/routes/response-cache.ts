/** A public response as it was sent: body and its ETag. */
export interface CachedResponse {
  etag: string;
  body: string;
}

/**
 * Public catalogue responses kept in memory for a few seconds. The catalogue changes only on
 * publication: this process forgets everything when it publishes, and other processes (a
 * catalogue scaled out) within `ttlMs`, which is also far inside the 60 s clients may cache.
 */
export class ResponseCache {
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
