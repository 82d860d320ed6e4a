import { z } from '@hono/zod-openapi';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  encodeCursor,
  notFound,
  PageQuery,
  pageSchema,
  toPage,
} from '@okno/http';
import { applicantTypes, channels, serviceLevels } from '../model/vocabulary';
import { listPublished, searchPublished } from '../store/catalogue-query';
import { findNumberedVersion, findService, findVersion } from '../store/version-store';
import { cachedJson } from '@okno/http';
import type { PublicCache } from '@okno/http';
import { ServiceSummary, ServiceVersion, toServiceVersion } from './service-views';

const param = (name: string) => ({ param: { name, in: 'query' as const } });
const ListQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      ...param('q'),
      description: 'Words in Russian or English; results are ranked best first.',
    }),
  level: z.enum(serviceLevels).optional().openapi(param('level')),
  agency: z.string().max(80).optional().openapi(param('agency')),
  category: z.string().max(80).optional().openapi(param('category')),
  lifeSituation: z.string().max(80).optional().openapi(param('lifeSituation')),
  channel: z.enum(channels).optional().openapi(param('channel')),
  applicantType: z.enum(applicantTypes).optional().openapi(param('applicantType')),
  fee: z.enum(['free', 'paid']).optional().openapi(param('fee')),
});

const ListCursor = z.union([
  z.object({ code: z.string() }).strict(),
  z.object({ offset: z.number().int().min(0).max(10_000) }).strict(),
]);

export function publicServiceRoutes(cache: PublicCache) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services',
        access: 'public',
        tags: ['catalogue'],
        summary: 'Find public services: filter, or search in Russian or English',
        request: { query: ListQuery },
        responses: {
          200: {
            description: 'A page of published services (by code, or best match first with `q`).',
            content: { 'application/json': { schema: pageSchema(ServiceSummary, 'ServicePage') } },
          },
          304: { description: 'Not modified since the ETag given in If-None-Match.' },
        },
      }),
      (c) => {
        const { limit, cursor, q, ...filters } = c.req.valid('query');
        const position = cursor ? decodeCursor(cursor, ListCursor) : undefined;
        return cachedJson(c, cache, async () => {
          if (q) {
            const offset = position && 'offset' in position ? position.offset : 0;
            const rows = await searchPublished(c.var.db, q, filters, { limit, offset });
            const more = rows.length > limit;
            return {
              items: rows.slice(0, limit).map(({ rank: _rank, ...summary }) => summary),
              nextCursor: more ? encodeCursor({ offset: offset + limit }) : null,
            };
          }
          const after = position && 'code' in position ? position.code : undefined;
          const rows = await listPublished(c.var.db, filters, { limit, after });
          return toPage(rows, limit, (row) => ({ code: row.code }));
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services/{code}',
        access: 'public',
        tags: ['catalogue'],
        summary: 'A service as currently published: everything it needs, costs and takes',
        request: { params: z.object({ code: z.string().max(80) }) },
        responses: {
          200: {
            description: 'The published version.',
            content: { 'application/json': { schema: ServiceVersion } },
          },
          304: { description: 'Not modified.' },
          404: { description: 'No such published service.' },
        },
      }),
      (c) => {
        const { code } = c.req.valid('param');
        return cachedJson(c, cache, async () => {
          const service = await findService(c.var.db, code);
          const version = service && (await findVersion(c.var.db, service.id, 'published'));
          if (!version) throw notFound(`There is no published service with code "${code}".`);
          return toServiceVersion(version);
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services/{code}/versions/{version}',
        access: 'public',
        tags: ['catalogue'],
        summary: 'One numbered version, published or retired (what an application was filed under)',
        request: {
          params: z.object({
            code: z.string().max(80),
            version: z.coerce.number().int().min(1).max(2_147_483_647),
          }),
        },
        responses: {
          200: {
            description: 'The version.',
            content: { 'application/json': { schema: ServiceVersion } },
          },
          304: { description: 'Not modified.' },
          404: { description: 'No such version.' },
        },
      }),
      (c) => {
        const { code, version } = c.req.valid('param');
        return cachedJson(c, cache, async () => {
          const row = await findNumberedVersion(c.var.db, code, version);
          if (!row) throw notFound(`Service "${code}" has no version ${version}.`);
          return toServiceVersion(row);
        });
      },
    );
}
