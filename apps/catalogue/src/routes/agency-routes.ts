import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { personRoles } from '@okno/auth';
import { agencies } from '@okno/db/catalogue';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  requirePrincipal,
  toPage,
} from '@okno/http';
import { AgencyContent } from '../model/agency';
import { retireAgency, saveAgency } from '../store/agency-store';

const Code = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes')
    .max(80),
});

const AgencyInput = AgencyContent.openapi('AgencyInput');

const Agency = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: 'social-protection' }),
    name: z
      .record(z.string(), z.string())
      .openapi({ example: { ru: 'Минсоцзащиты', en: 'Social Protection' } }),
    retiredAt: z.iso.datetime().optional().openapi({ description: 'Set once retired.' }),
  })
  .openapi('Agency');

type AgencyRow = typeof agencies.$inferSelect;
const toAgency = (row: AgencyRow): z.infer<typeof Agency> => ({
  id: row.id,
  code: row.code,
  name: row.name as Record<string, string>,
  ...(row.retiredAt && { retiredAt: row.retiredAt.toISOString() }),
});

const AgencyQuery = PageQuery.extend({
  retired: z
    .enum(['include', 'exclude'])
    .default('exclude')
    .openapi({ param: { name: 'retired', in: 'query' }, description: 'Retired agencies too.' }),
});

const admins = { roles: [personRoles.regionalAdmin] };
const agencyResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: Agency } },
});

/** The region's agencies: read by anyone, created, renamed and retired by its administrator. */
export function agencyRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/agencies',
        access: 'public',
        tags: ['catalogue'],
        summary: "List the region's agencies",
        request: { query: AgencyQuery },
        responses: {
          200: {
            description: 'A page of agencies, ordered by code.',
            content: { 'application/json': { schema: pageSchema(Agency, 'AgencyPage') } },
          },
        },
      }),
      async (c) => {
        const { limit, cursor, retired } = c.req.valid('query');
        const after = cursor ? decodeCursor(cursor, z.object({ code: z.string() })).code : null;
        const where: SQL[] = [];
        if (after !== null) where.push(gt(agencies.code, after));
        if (retired === 'exclude') where.push(isNull(agencies.retiredAt));
        const rows = await c.var.db
          .select()
          .from(agencies)
          .where(and(...where))
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
        tags: ['catalogue'],
        summary: 'One agency by its code (a retired one too, with `retiredAt`)',
        request: { params: z.object({ code: z.string().max(80) }) },
        responses: {
          200: agencyResponse('The agency.'),
          404: { description: 'No such agency.' },
        },
      }),
      async (c) => {
        const { code } = c.req.valid('param');
        const [row] = await c.var.db.select().from(agencies).where(eq(agencies.code, code));
        if (!row) throw notFound(`There is no agency with code "${code}".`);
        return c.json(toAgency(row), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/agencies/{code}',
        access: admins,
        tags: ['catalogue editing'],
        summary: 'Create an agency, or rename one (a retired one comes back); audited',
        request: {
          params: Code,
          body: { required: true, content: { 'application/json': { schema: AgencyInput } } },
        },
        responses: {
          200: agencyResponse('Saved (unchanged if it already said this).'),
          201: agencyResponse('Created.'),
        },
      }),
      async (c) => {
        const admin = requirePrincipal(c.var.principal);
        const { code } = c.req.valid('param');
        const { name } = c.req.valid('json');
        return c.var.db.transaction(async (tx) => {
          const author = { principal: admin, requestId: c.var.requestId };
          const { row, outcome } = await saveAgency(tx, code, name, author);
          return c.json(toAgency(row), outcome === 'added' ? 201 : 200);
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/agencies/{code}/retire',
        access: admins,
        tags: ['catalogue editing'],
        summary: 'Retire an agency: kept for the records that name it, offered for nothing new',
        request: { params: Code },
        responses: {
          200: agencyResponse('Retired (or already was).'),
          404: { description: 'No such agency.' },
        },
      }),
      async (c) => {
        const admin = requirePrincipal(c.var.principal);
        const { code } = c.req.valid('param');
        return c.var.db.transaction(async (tx) => {
          const row = await retireAgency(tx, code, {
            principal: admin,
            requestId: c.var.requestId,
          });
          if (!row) throw notFound(`There is no agency with code "${code}".`);
          return c.json(toAgency(row), 200);
        });
      },
    );
}
