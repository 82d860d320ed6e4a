import { z } from '@hono/zod-openapi';
import { asc, eq, gt } from 'drizzle-orm';
import { agencies } from '@okno/db/identity';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  toPage,
} from '@okno/http';

const Agency = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: 'social-protection' }),
    name: z.object({ ru: z.string(), en: z.string().optional() }),
  })
  .openapi('Agency');

const toAgency = (row: typeof agencies.$inferSelect): z.infer<typeof Agency> => ({
  id: row.id,
  code: row.code,
  name: row.name,
});

export function agencyRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/agencies',
        access: 'public',
        tags: ['identity'],
        summary: "List the region's agencies",
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page of agencies, ordered by code.',
            content: { 'application/json': { schema: pageSchema(Agency, 'AgencyPage') } },
          },
        },
      }),
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const after = cursor ? decodeCursor(cursor, z.object({ code: z.string() })).code : null;
        const rows = await c.var.db
          .select()
          .from(agencies)
          .where(after === null ? undefined : gt(agencies.code, after))
          .orderBy(asc(agencies.code))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ code: row.code }));
        return c.json({ items: page.items.map(toAgency), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/agencies/{code}',
        access: 'public',
        tags: ['identity'],
        summary: 'One agency by its code',
        request: { params: z.object({ code: z.string().max(64) }) },
        responses: {
          200: { description: 'The agency.', content: { 'application/json': { schema: Agency } } },
          404: { description: 'No such agency.' },
        },
      }),
      async (c) => {
        const { code } = c.req.valid('param');
        const [row] = await c.var.db.select().from(agencies).where(eq(agencies.code, code));
        if (!row) throw notFound(`There is no agency with code "${code}".`);
        return c.json(toAgency(row), 200);
      },
    );
}
