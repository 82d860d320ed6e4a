import { z } from '@hono/zod-openapi';
import { createRouter, defineRoute, notFound } from '@okno/http';
import { upcomingVisits } from '../model/mobile-visits';
import { handsOut, MobileVisit, OfficeContent, officeKinds } from '../model/office';
import { channels } from '../model/vocabulary';
import { findOffice, listOffices } from '../store/office-store';
import { findService, findVersion } from '../store/version-store';
import { cachedJson } from '@okno/http';
import { Office, toOffice } from './office-views';
import type { PublicCache } from '@okno/http';

const query = (name: string) => ({ param: { name, in: 'query' as const } });
const officeList = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.object({ items: z.array(Office) }) } },
});

export function officeRoutes(cache: PublicCache) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/offices',
        access: 'public',
        tags: ['catalogue'],
        summary: 'Where residents apply and collect results: MFCs, post offices, mobile offices',
        request: {
          query: z.object({
            kind: z.enum(officeKinds).optional().openapi(query('kind')),
            agency: z.string().max(80).optional().openapi(query('agency')),
            channel: z.enum(channels).optional().openapi(query('channel')),
            service: z.string().max(80).optional().openapi(query('service')),
          }),
        },
        responses: {
          200: officeList('The offices, by code.'),
          304: { description: 'Not modified since the ETag given in If-None-Match.' },
        },
      }),
      (c) =>
        cachedJson(c, cache, async () => ({
          items: (await listOffices(c.var.db, c.req.valid('query'))).map(toOffice),
        })),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/offices/{code}',
        access: 'public',
        tags: ['catalogue'],
        summary: 'One office: address, coordinates, hours, services, route',
        request: { params: z.object({ code: z.string().max(80) }) },
        responses: {
          200: { description: 'The office.', content: { 'application/json': { schema: Office } } },
          404: { description: 'No such office.' },
        },
      }),
      (c) =>
        cachedJson(c, cache, async () => {
          const { code } = c.req.valid('param');
          const row = await findOffice(c.var.db, code);
          if (!row) throw notFound(`There is no office with code "${code}".`);
          return toOffice(row);
        }),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/services/{code}/offices',
        access: 'public',
        tags: ['catalogue'],
        summary: 'Where a service can be requested, or its result collected',
        request: {
          params: z.object({ code: z.string().max(80) }),
          query: z.object({
            purpose: z.enum(['request', 'collect']).default('request').openapi(query('purpose')),
          }),
        },
        responses: {
          200: officeList('Offices offering the service through one of its channels.'),
          404: { description: 'No such published service.' },
        },
      }),
      (c) =>
        cachedJson(c, cache, async () => {
          const { code } = c.req.valid('param');
          const { purpose } = c.req.valid('query');
          const service = await findService(c.var.db, code);
          const version = service && (await findVersion(c.var.db, service.id, 'published'));
          if (!version) throw notFound(`There is no published service with code "${code}".`);
          if (purpose === 'request') {
            const rows = await listOffices(c.var.db, {
              service: code,
              channels: version.requestChannels,
            });
            return { items: rows.map(toOffice) };
          }
          // Where results are collected may differ from where applications are taken in.
          const rows = await listOffices(c.var.db, { channels: version.resultChannels });
          const offices = rows.map(toOffice).filter((o) => handsOut(o.content, code));
          return { items: offices };
        }),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/mobile-visits',
        access: 'public',
        tags: ['catalogue'],
        summary: "The mobile offices' next visits to settlements, soonest first",
        request: {
          query: z.object({
            service: z.string().max(80).optional().openapi(query('service')),
            from: z.iso
              .date()
              .optional()
              .openapi({ ...query('from'), description: 'Default: today.' }),
            limit: z.coerce.number().int().min(1).max(100).default(20).openapi(query('limit')),
          }),
        },
        responses: {
          200: {
            description: 'Visits.',
            content: {
              'application/json': {
                schema: z.object({
                  items: z.array(
                    z.object({
                      officeCode: z.string(),
                      officeName: OfficeContent.shape.name,
                      visit: MobileVisit,
                    }),
                  ),
                }),
              },
            },
          },
          304: { description: 'Not modified since the ETag given in If-None-Match.' },
        },
      }),
      (c) =>
        cachedJson(c, cache, async () => {
          const { service, from, limit } = c.req.valid('query');
          const rows = await listOffices(c.var.db, { kind: 'mobile-office', service });
          const today = new Date().toISOString().slice(0, 10);
          return { items: upcomingVisits(rows.map(toOffice), from ?? today, limit) };
        }),
    );
}
