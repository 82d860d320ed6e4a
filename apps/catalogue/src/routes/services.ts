import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { serviceLevels, services } from '@okno/db/catalogue';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  toPage,
} from '@okno/http';

const LocalizedText = z.object({ ru: z.string(), en: z.string().optional() });

const Service = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: 'school-enrolment' }),
    level: z.enum(serviceLevels),
    federalCode: z.string().nullable(),
    agencyCode: z.string(),
    title: LocalizedText,
  })
  .openapi('Service');

type ServiceRow = typeof services.$inferSelect;
const toService = (row: ServiceRow): z.infer<typeof Service> => ({
  id: row.id,
  code: row.code,
  level: row.level,
  federalCode: row.federalCode,
  agencyCode: row.agencyCode,
  title: row.title,
});

const ListQuery = PageQuery.extend({
  level: z
    .enum(serviceLevels)
    .optional()
    .openapi({ param: { name: 'level', in: 'query' } }),
  agency: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'agency', in: 'query' } }),
});

const Cursor = z.object({ code: z.string() });

export function serviceRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services',
        access: 'public',
        tags: ['catalogue'],
        summary: 'List the public services the region offers',
        request: { query: ListQuery },
        responses: {
          200: {
            description: 'A page of services, ordered by code.',
            content: { 'application/json': { schema: pageSchema(Service, 'ServicePage') } },
          },
        },
      }),
      async (c) => {
        const { limit, cursor, level, agency } = c.req.valid('query');
        const filters: SQL[] = [];
        if (level) filters.push(eq(services.level, level));
        if (agency) filters.push(eq(services.agencyCode, agency));
        if (cursor) filters.push(gt(services.code, decodeCursor(cursor, Cursor).code));
        const rows = await c.var.db
          .select()
          .from(services)
          .where(and(...filters))
          .orderBy(asc(services.code))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ code: row.code }));
        return c.json({ items: page.items.map(toService), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services/{code}',
        access: 'public',
        tags: ['catalogue'],
        summary: 'One public service by its code',
        request: { params: z.object({ code: z.string().max(64) }) },
        responses: {
          200: {
            description: 'The service.',
            content: { 'application/json': { schema: Service } },
          },
          404: { description: 'No such service.' },
        },
      }),
      async (c) => {
        const { code } = c.req.valid('param');
        const [row] = await c.var.db.select().from(services).where(eq(services.code, code));
        if (!row) throw notFound(`There is no service with code "${code}".`);
        return c.json(toService(row), 200);
      },
    );
}
