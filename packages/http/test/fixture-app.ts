import { z } from '@hono/zod-openapi';
import { asc, eq, gt } from 'drizzle-orm';
import { newId, type DatabaseHandle } from '@okno/db';
import { agencies, catalogueIdempotencyKeys } from '@okno/db/catalogue';
import type { TestIssuer } from '@okno/testing';
import {
  createLogger,
  createRootApp,
  createServiceApp,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  toPage,
  type AccessDenialSink,
} from '../src';

const Agency = z.object({ id: z.string(), code: z.string(), name: z.object({ ru: z.string() }) });
const NewAgency = z.object({
  code: z.string().regex(/^[a-z-]+$/),
  name: z.object({ ru: z.string().min(1), en: z.string().optional() }),
});

/** A small service built with the kit the way real services are, over real tables. */
export function createFixtureApp(
  handle: DatabaseHandle,
  issuer: TestIssuer,
  options: { maxBodyBytes?: number; onAccessDenied?: AccessDenialSink } = {},
) {
  const verifier = issuer.verifier();
  const service = createServiceApp(
    { name: 'fixture', version: '0.0.0', title: 'Fixture', description: 'test' },
    {
      db: handle.db,
      verifier,
      ...(options.onAccessDenied && { onAccessDenied: options.onAccessDenied }),
    },
  );
  service.openapi(
    defineRoute({
      method: 'post',
      path: '/agencies',
      access: { roles: ['regional-admin'] },
      idempotency: catalogueIdempotencyKeys,
      request: { body: { required: true, content: { 'application/json': { schema: NewAgency } } } },
      responses: {
        201: { description: 'created', content: { 'application/json': { schema: Agency } } },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      if (input.code === 'explode') throw new Error('boom');
      const [row] = await c.var.db
        .insert(agencies)
        .values({ id: newId(), code: input.code, name: input.name })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return c.json({ id: row.id, code: row.code, name: { ru: row.name.ru } }, 201);
    },
  );
  service.openapi(
    defineRoute({
      method: 'get',
      path: '/agencies',
      access: 'public',
      request: { query: PageQuery },
      responses: {
        200: {
          description: 'page',
          content: { 'application/json': { schema: pageSchema(Agency, 'AgencyPage') } },
        },
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? decodeCursor(cursor, z.object({ id: z.string() })).id : undefined;
      const rows = await c.var.db
        .select()
        .from(agencies)
        .where(after ? gt(agencies.id, after) : undefined)
        .orderBy(asc(agencies.id))
        .limit(limit + 1);
      const page = toPage(rows, limit, (r) => ({ id: r.id }));
      return c.json(
        {
          items: page.items.map((r) => ({ id: r.id, code: r.code, name: { ru: r.name.ru } })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
  service.openapi(
    defineRoute({
      method: 'get',
      path: '/agencies/{code}',
      access: { roles: ['regional-admin', 'citizen'] },
      request: { params: z.object({ code: z.string() }) },
      responses: {
        200: { description: 'one', content: { 'application/json': { schema: Agency } } },
        404: { description: 'none' },
      },
    }),
    async (c) => {
      const [row] = await c.var.db
        .select()
        .from(agencies)
        .where(eq(agencies.code, c.req.valid('param').code));
      if (!row) throw notFound('no such agency');
      return c.json({ id: row.id, code: row.code, name: { ru: row.name.ru } }, 200);
    },
  );
  const root = createRootApp({
    logger: createLogger({ name: 'test', level: 'silent' }),
    maxBodyBytes: options.maxBodyBytes ?? 4096,
  });
  root.route('/api/fixture', service);
  return root;
}
