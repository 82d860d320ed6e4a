import { z } from '@hono/zod-openapi';
import { ProblemError, problemTypes } from './problem';

/** Query parameters of every paginated list. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({
      param: { name: 'limit', in: 'query' },
      description: 'Items per page (1-100).',
    }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'The `nextCursor` of the previous page; omit for the first page.',
    }),
});

/** A page of items and the opaque cursor of the next page (null on the last page). */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

/**
 * Keyset pagination: cursors encode the sort key of the last item seen, so pages stay stable
 * while rows are inserted, and every page is an index range scan.
 */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ProblemError({
      status: 400,
      type: problemTypes.invalidCursor,
      title: 'Bad Request',
      detail: 'The cursor is not one this API issued; start again without it.',
      errors: [{ location: 'query', pointer: '/cursor', message: 'invalid cursor' }],
    });
  }
}

/** Splits rows fetched with `limit + 1` into a page and the cursor after it. */
export function toPage<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => Record<string, string | number>,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
