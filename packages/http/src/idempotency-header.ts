import { z } from '@hono/zod-openapi';

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      // Header names are case-insensitive; Hono hands them to validators in lower case.
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'A unique key per intended write (a UUID is best). Retrying with the same key replays the first response instead of writing twice.',
    }),
});
