import { z } from '@hono/zod-openapi';

/**
 * The shape every import route shares (a region pack's `pnpm okno region import`): a bounded
 * batch of items, each given once by its key, and a dry run that changes nothing.
 */

/** A code of an agency, office or service: lowercase words joined by dashes. */
export const Code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes')
  .max(80);

/** Say what would change, and change nothing. */
export const DryRun = z
  .boolean()
  .default(false)
  .openapi({ description: 'Say what would change, and change nothing.' });

/** A batch is bounded so that one call's transaction stays short; the CLI sends many. */
export const MAX_BATCH_ITEMS = 1000;

/** An import batch: 1 to 1,000 items, no two with the same `key`, and `dryRun`. */
export function importBatch<T extends z.ZodType, K extends string>(
  item: T,
  key: K,
  name: string,
  more: z.ZodRawShape = {},
) {
  return z
    .object({
      items: z.array(item).min(1).max(MAX_BATCH_ITEMS),
      dryRun: DryRun,
      ...more,
    })
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Set<string>();
      (body.items as Record<K, string>[]).forEach((entry, i) => {
        const value = entry[key];
        if (seen.has(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, key],
            message: `"${value}" is given twice`,
          });
        }
        seen.add(value);
      });
    })
    .openapi(name);
}
