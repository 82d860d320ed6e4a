import { z } from '@hono/zod-openapi';
import { personRoles } from '@okno/auth';
import { inTransaction, type Database, type Executor } from '@okno/db';
import type { AppEnv } from '@okno/http';
import {
  Code,
  createRouter,
  DryRun,
  defineRoute,
  importBatch,
  invalidFields,
  requirePrincipal,
  type PublicCache,
} from '@okno/http';
import type { Context } from 'hono';
import {
  ImportRefused,
  type Expected,
  importAgencies,
  importOffices,
  importServices,
  retireMissing,
} from '../imports/import-batch';
import { AgencyName } from '../model/agency';
import { OfficeContent } from '../model/office';
import { ServiceContent } from '../model/service-content';
import type { Author } from '../store/publication';

const code = Code;
const dryRun = DryRun;
const batch = <T extends z.ZodType>(item: T, name: string, more?: z.ZodRawShape) =>
  importBatch(item, 'code', name, more);

/** Dry runs only: what the import's earlier steps bring, which a dry run has not added. */
const expecting = {
  expect: z
    .object({
      agencies: z.array(code).max(5_000).default([]),
      services: z.array(code).max(60_000).default([]),
    })
    .default({ agencies: [], services: [] })
    .openapi({ description: "Dry runs only: what the import's earlier steps bring." }),
};
type Expecting = { expect: { agencies: string[]; services: string[] } };

const Outcome = z.enum(['added', 'changed', 'unchanged', 'retired']);
const Results = z
  .object({
    dryRun: z.boolean(),
    results: z.array(z.object({ code: z.string(), outcome: Outcome })),
  })
  .openapi('ImportResults');
const RetireMissing = z
  .object({
    // At least one of each: an empty list would retire the whole catalogue. Bounded below
    // PostgreSQL's 65,535 parameters of one statement.
    keep: z.object({
      services: z.array(code).min(1).max(60_000),
      agencies: z.array(code).min(1).max(5_000),
      // Offices the pack lists; those it does not are closed. Absent: offices are left alone.
      offices: z.array(code).min(1).max(60_000).optional(),
    }),
    dryRun,
  })
  .strict()
  .openapi('ImportRetireMissing');
const Retired = z
  .object({
    dryRun: z.boolean(),
    services: z.array(z.object({ code: z.string(), outcome: Outcome })),
    agencies: z.array(z.object({ code: z.string(), outcome: Outcome })),
    offices: z.array(z.object({ code: z.string(), outcome: Outcome })),
  })
  .openapi('ImportRetired');

const importers = { roles: [personRoles.regionalAdmin] };
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  422: { description: 'Items the catalogue refuses, each named; nothing of the batch is written.' },
});

/** An import step in its transaction (rolled back when dry); a refused batch is a 422. */
async function importing<T>(db: Database, dry: boolean, work: (tx: Executor) => Promise<T>) {
  try {
    return await inTransaction(db, dry, work);
  } catch (error) {
    if (error instanceof ImportRefused) throw invalidFields(error.errors);
    throw error;
  }
}

/**
 * A region pack's import (`pnpm okno region import`): agencies, offices and services in
 * batches, then what the pack no longer holds retired. For the regional administrator only;
 * each change audited as an edit is (marked `import`). A batch is one write, so the per-person
 * write limit does not throttle an import of thousands.
 */
export function importRoutes(cache: PublicCache) {
  const route = (path: string, summary: string, body: z.ZodType, results: z.ZodType) =>
    defineRoute({
      method: 'post',
      path,
      access: importers,
      tags: ['catalogue editing'],
      summary,
      request: { body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: ok(results, 'What was (or, in a dry run, would be) done to each.'),
    });
  const AgencyBatch = batch(z.object({ code, name: AgencyName }).strict(), 'ImportAgencies');
  const OfficeBatch = batch(
    z.object({ code, content: OfficeContent }).strict(),
    'ImportOffices',
    expecting,
  );
  const ServiceBatch = batch(
    z.object({ code, content: ServiceContent }).strict(),
    'ImportServices',
    expecting,
  );
  /** One import step: in its transaction (rolled back when dry), then the public cache cleared. */
  const step = async <T>(
    c: Context<AppEnv>,
    body: { dryRun: boolean; expect?: { agencies: string[]; services: string[] } },
    work: (tx: Executor, author: Author, expected: Expected) => Promise<T>,
  ) => {
    const author = {
      principal: requirePrincipal(c.var.principal),
      requestId: c.var.requestId,
      import: true,
    };
    const expected = {
      agencies: new Set(body.dryRun ? (body.expect?.agencies ?? []) : []),
      services: new Set(body.dryRun ? (body.expect?.services ?? []) : []),
    };
    const result = await importing(c.var.db, body.dryRun, (tx) => work(tx, author, expected));
    if (!body.dryRun) cache.clear();
    return { dryRun: body.dryRun, ...result };
  };
  return createRouter()
    .openapi(
      route('/imports/agencies', 'Import agencies: created or renamed', AgencyBatch, Results),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof AgencyBatch>;
        const done = await step(c, body, async (tx, author) => ({
          results: await importAgencies(tx, body.items, author),
        }));
        return c.json(done, 200);
      },
    )
    .openapi(
      route('/imports/offices', 'Import offices: described as the pack says', OfficeBatch, Results),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof OfficeBatch> & Expecting;
        const done = await step(c, body, async (tx, author, expected) => ({
          results: await importOffices(tx, body.items, author, expected),
        }));
        return c.json(done, 200);
      },
    )
    .openapi(
      route(
        '/imports/services',
        'Import services: new ones published, changed ones as their next version',
        ServiceBatch,
        Results,
      ),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof ServiceBatch> & Expecting;
        const done = await step(c, body, async (tx, author, expected) => ({
          results: await importServices(tx, body.items, author, expected),
        }));
        return c.json(done, 200);
      },
    )
    .openapi(
      route(
        '/imports/retire-missing',
        'Retire the services and agencies a pack no longer holds (never deleted)',
        RetireMissing,
        Retired,
      ),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof RetireMissing>;
        return c.json(
          await step(c, body, (tx, author) => retireMissing(tx, body.keep, author)),
          200,
        );
      },
    );
}
