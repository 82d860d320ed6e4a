import { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { compress } from 'hono/compress';
import { stream } from 'hono/streaming';
import { createRouter, defineRoute, type AppEnv } from '@okno/http';
import {
  documentColumns,
  documentRows,
  feeColumns,
  feeRows,
  officeColumns,
  officeRow,
  serviceColumns,
  serviceRow,
  type Column,
  type PublishedService,
} from '../model/open-data';
import { OfficeContent } from '../model/office';
import { listOffices } from '../store/office-store';
import { officesState, publishedCatalogueState, publishedServices } from '../store/open-data-store';

/** The licence the region publishes its catalogue under (the federal open-data practice). */
const LICENSE = 'CC-BY-4.0';

type Row = Record<string, unknown>;
type State = { changedAt: Date | null; records: number };

const serviceTables = {
  'services.csv': { columns: serviceColumns, rows: (s: PublishedService) => [serviceRow(s)] },
  'documents.csv': { columns: documentColumns, rows: documentRows },
  'fees.csv': { columns: feeColumns, rows: feeRows },
} satisfies Record<string, { columns: Column[]; rows: (s: PublishedService) => Row[] }>;

/** RFC 4180 with a header row; cells a spreadsheet would run as formulas are defused. */
const csv = (rows: Row[], columns: Column[], header: boolean) =>
  stringify(rows, {
    header,
    columns: columns.map((c) => c.name),
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (b) => String(b) },
  });

/**
 * Sets the validators of a download from the state of what it exports, and answers 304 when
 * the client already has it: a download of the whole catalogue is worth not repeating.
 */
function notModified(c: Context<AppEnv>, name: string, state: State): Response | undefined {
  const stamp = state.changedAt?.getTime() ?? 0;
  const etag = `"${name}-${stamp.toString(36)}-${state.records}"`;
  c.header('etag', etag);
  if (state.changedAt) c.header('last-modified', state.changedAt.toUTCString());
  c.header('cache-control', 'public, max-age=300');
  return c.req.header('if-none-match') === etag ? c.body(null, 304) : undefined;
}

function download(c: Context<AppEnv>, filename: string, type: string) {
  c.header('content-type', type);
  c.header('content-disposition', `attachment; filename="${filename}"`);
}

const csvType = 'text/csv; charset=utf-8; header=present';
const files = (description: string, type: string) => ({
  200: {
    description,
    content: {
      [type]: {
        schema: type === 'application/json' ? z.record(z.string(), z.unknown()) : z.string(),
      },
    },
  },
  304: { description: 'Not modified since the ETag given in If-None-Match.' },
});

const Dataset = z
  .object({
    id: z.string(),
    title: z.object({ ru: z.string(), en: z.string() }),
    modified: z.iso.datetime().nullable(),
    records: z.number().int(),
    license: z.string(),
    formats: z.array(z.object({ format: z.enum(['csv', 'json']), url: z.url() })),
    columns: z.array(z.object({ name: z.string(), description: z.string() })),
  })
  .openapi('OpenDataset');

export function openDataRoutes() {
  const router = createRouter();
  // Downloads are large and compress well (a CDN or ingress may do this instead).
  router.use('/open-data/*', compress());
  return router
    .openapi(
      defineRoute({
        method: 'get',
        path: '/open-data',
        access: 'public',
        tags: ['open data'],
        summary: "The catalogue's open datasets: what each holds, its columns and where to get it",
        responses: {
          200: {
            description: 'The datasets (the open-data passport).',
            content: { 'application/json': { schema: z.object({ datasets: z.array(Dataset) }) } },
          },
        },
      }),
      async (c) => {
        const [catalogue, offices] = await Promise.all([
          publishedCatalogueState(c.var.db),
          officesState(c.var.db),
        ]);
        const url = (file: string) => new URL(`open-data/${file}`, c.req.url).toString();
        const dataset = (
          id: string,
          title: { ru: string; en: string },
          state: State,
          columns: Column[],
          json: boolean,
        ) => ({
          id,
          title,
          modified: state.changedAt?.toISOString() ?? null,
          records: state.records,
          license: LICENSE,
          formats: [
            { format: 'csv' as const, url: url(`${id}.csv`) },
            ...(json ? [{ format: 'json' as const, url: url(`${id}.json`) }] : []),
          ],
          columns,
        });
        c.header('cache-control', 'public, max-age=60');
        return c.json(
          {
            datasets: [
              dataset(
                'services',
                { ru: 'Государственные и муниципальные услуги', en: 'Public services' },
                catalogue,
                serviceColumns,
                true,
              ),
              dataset(
                'documents',
                { ru: 'Документы, необходимые для услуг', en: 'Documents each service requires' },
                catalogue,
                documentColumns,
                false,
              ),
              dataset(
                'fees',
                { ru: 'Государственные пошлины и платы', en: 'Fees and duties' },
                catalogue,
                feeColumns,
                false,
              ),
              dataset(
                'offices',
                { ru: 'МФЦ, почтовые отделения и офисы', en: 'MFCs, post offices and offices' },
                offices,
                officeColumns,
                false,
              ),
            ],
          },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/open-data/services.json',
        access: 'public',
        tags: ['open data'],
        summary: 'The whole published catalogue as JSON, every service with all it says',
        responses: files(
          '`{ modified, records, services: [{ code, version, publishedAt, content }] }`, streamed.',
          'application/json',
        ),
      }),
      async (c) => {
        const state = await publishedCatalogueState(c.var.db);
        const cached = notModified(c, 'services.json', state);
        if (cached) return cached;
        download(c, 'services.json', 'application/json');
        return stream(c, async (out) => {
          const head = { modified: state.changedAt?.toISOString() ?? null, license: LICENSE };
          await out.write(`${JSON.stringify(head).slice(0, -1)},"services":[`);
          let first = true;
          for await (const batch of publishedServices(c.var.db)) {
            const items = batch.map((s) =>
              JSON.stringify({ ...s, publishedAt: s.publishedAt.toISOString() }),
            );
            await out.write((first ? '' : ',') + items.join(','));
            first = false;
          }
          await out.write(']}');
        });
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/open-data/{file}',
        access: 'public',
        tags: ['open data'],
        summary: 'A table as CSV: services, their documents, their fees, or the offices',
        request: {
          params: z.object({
            file: z.enum(['services.csv', 'documents.csv', 'fees.csv', 'offices.csv']),
          }),
        },
        responses: files('The table, with a header row (see GET /open-data).', csvType),
      }),
      async (c) => {
        const { file } = c.req.valid('param');
        if (file === 'offices.csv') {
          const cached = notModified(c, file, await officesState(c.var.db));
          if (cached) return cached;
          const rows = (await listOffices(c.var.db, {})).map((o) =>
            officeRow(o.code, OfficeContent.parse(o.content)),
          );
          download(c, file, csvType);
          return c.body(csv(rows, officeColumns, true));
        }
        const { columns, rows } = serviceTables[file];
        const cached = notModified(c, file, await publishedCatalogueState(c.var.db));
        if (cached) return cached;
        download(c, file, csvType);
        return stream(c, async (out) => {
          let header = true;
          for await (const batch of publishedServices(c.var.db)) {
            await out.write(csv(batch.flatMap(rows), columns, header));
            header = false;
          }
          if (header) await out.write(csv([], columns, true));
        });
      },
    );
}
