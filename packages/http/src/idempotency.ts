import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { and, eq, sql } from 'drizzle-orm';
import type { IdempotencyKeysTable } from '@okno/db';
import type { AppEnv } from './app-env';
import { ProblemError, problemTypes } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Response headers worth replaying; the rest (dates, request ids) belong to the new request. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

/** Signals that the guarded write must roll back: the response is kept, the key is not. */
class DiscardResponse extends Error {}

/**
 * `Idempotency-Key` for creating POSTs. The key's row is inserted in the same transaction as
 * the write it guards and holds the response, so:
 * - a retry after success replays the first response (with `Idempotent-Replayed: true`);
 * - the same key with a different request is refused with 422;
 * - a concurrent duplicate waits on the key's row lock until the first commits, then replays
 *   (or gets 409 if it waited too long) — never a second write;
 * - a crash before commit loses both the write and the key, so a retry simply runs again;
 * - 5xx responses are not stored, so a retry after a server fault runs again too.
 * Handlers must run their queries on `c.var.db`, which is that transaction.
 */
export function idempotent(table: IdempotencyKeysTable): MiddlewareHandler<AppEnv> {
  return async function idempotencyMiddleware(c, next) {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemError({
        status: 400,
        type: problemTypes.validation,
        title: 'Bad Request',
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
        errors: [{ location: 'header', pointer: '/idempotency-key', message: 'invalid key' }],
      });
    }
    const scope = c.get('principal')?.subject ?? 'anonymous';
    const requestHash = await hashRequest(c);
    const where = and(eq(table.scope, scope), eq(table.key, key));

    let replay: Response | undefined;
    try {
      await c.get('db').transaction(async (tx) => {
        // Waiting longer than this for a concurrent duplicate is answered with 409.
        await tx.execute(sql`set local lock_timeout = '10s'`);
        const claimed = await tx
          .insert(table)
          .values({ scope, key, requestHash, status: 0, headers: {}, body: '' })
          .onConflictDoNothing()
          .returning({ key: table.key });
        if (claimed.length === 0) {
          const [stored] = await tx.select().from(table).where(where);
          if (!stored) throw inUse(); // the first attempt rolled back in between: retry later
          if (stored.requestHash !== requestHash) throw reused();
          replay = new Response(stored.body, {
            status: stored.status,
            headers: { ...stored.headers, 'idempotent-replayed': 'true' },
          });
          return;
        }
        c.set('db', tx);
        await next();
        if (c.res.status >= 500) throw new DiscardResponse();
        const headers = Object.fromEntries(
          REPLAYED_HEADERS.flatMap((h) => {
            const value = c.res.headers.get(h);
            return value === null ? [] : [[h, value]];
          }),
        );
        // Read the body once and rebuild the response, rather than Response.clone(): Node 20's
        // undici cancels the original stream when the clone is garbage-collected
        // (nodejs/undici#4414), which surfaced here as a 201 whose body was unreadable.
        const body = await c.res.text();
        c.res = new Response(body, c.res);
        await tx.update(table).set({ status: c.res.status, headers, body }).where(where);
      });
    } catch (error) {
      if (error instanceof DiscardResponse) return;
      if (isLockTimeout(error)) throw inUse();
      throw error;
    }
    if (replay) c.res = replay;
  };
}

async function hashRequest(c: Context<AppEnv>): Promise<string> {
  const body = await c.req.text(); // Hono caches it, so validators can still read the body
  return createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
}

function isLockTimeout(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (error as { code?: string } | null)?.code === '55P03' || cause?.code === '55P03';
}

const reused = () =>
  new ProblemError({
    status: 422,
    type: problemTypes.idempotencyKeyReused,
    title: 'Unprocessable Content',
    detail: 'This Idempotency-Key was already used with a different request.',
  });

const inUse = () =>
  new ProblemError({
    status: 409,
    type: problemTypes.idempotencyKeyInUse,
    title: 'Conflict',
    detail: 'A request with this Idempotency-Key is still being processed; retry shortly.',
    headers: { 'retry-after': '1' },
  });
