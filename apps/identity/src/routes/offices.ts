import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { officeKinds, offices } from '@okno/db/identity';
import { createRouter, decodeCursor, defineRoute, PageQuery, pageSchema, toPage } from '@okno/http';

const Office = z
  .object({
    code: z.string().openapi({ example: 'mfc-kemerovo-central' }),
    agencyCode: z.string(),
    kind: z.enum(officeKinds),
    name: z.object({ ru: z.string(), en: z.string().optional() }),
    address: z.string(),
  })
  .openapi('DirectoryOffice');

const OfficeQuery = PageQuery.extend({
  agency: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'agency', in: 'query' } }),
  kind: z
    .enum(officeKinds)
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
});

export function officeRoutes() {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/offices',
      access: 'public',
      tags: ['identity'],
      summary: "The region's offices: MFCs, post offices, mobile offices, agencies' own",
      request: { query: OfficeQuery },
      responses: {
        200: {
          description: 'A page of offices, ordered by code.',
          content: { 'application/json': { schema: pageSchema(Office, 'OfficePage') } },
        },
      },
    }),
    async (c) => {
      const { limit, cursor, agency, kind } = c.req.valid('query');
      const after = cursor ? decodeCursor(cursor, z.object({ code: z.string() })).code : undefined;
      const where: SQL[] = [];
      if (agency) where.push(eq(offices.agencyCode, agency));
      if (kind) where.push(eq(offices.kind, kind));
      if (after) where.push(gt(offices.code, after));
      const rows = await c.var.db
        .select()
        .from(offices)
        .where(and(...where))
        .orderBy(asc(offices.code))
        .limit(limit + 1);
      const page = toPage(rows, limit, (row) => ({ code: row.code }));
      return c.json(
        {
          items: page.items.map((o) => ({
            code: o.code,
            agencyCode: o.agencyCode,
            kind: o.kind,
            name: o.name,
            address: o.address,
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
}
