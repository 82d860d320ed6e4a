import { z } from '@hono/zod-openapi';
import { actorOf } from '@okno/audit';
import { personRoles } from '@okno/auth';
import { inTransaction } from '@okno/db';
import {
  Code,
  createRouter,
  DryRun,
  defineRoute,
  importBatch,
  invalidFields,
  ProblemError,
  requirePrincipal,
  type ServiceCaller,
} from '@okno/http';
import { recordStaff, staffImportErrors, writeToRealm } from '../directory/staff-import';
import { deactivateStaff, staffNotKept } from '../directory/staff-retirement';
import { DemoApplicant, ImportedStaffMember, Username } from '../directory/people-content';
import { noPeopleDirectory, type RealmPeople } from '../people/realm-people';

const dryRun = DryRun;
const byUsername = <T extends z.ZodType>(item: T, name: string, more?: z.ZodRawShape) =>
  importBatch(item, 'username', name, more);

const StaffBatch = byUsername(ImportedStaffMember, 'ImportStaff', {
  expect: z
    .object({
      agencies: z.array(Code).max(5_000).default([]),
      offices: z.array(Code).max(60_000).default([]),
    })
    .default({ agencies: [], offices: [] })
    .openapi({
      description: "Dry runs only: the agencies and offices the import's earlier steps bring.",
    }),
});
const DemoPeopleBatch = byUsername(DemoApplicant, 'ImportDemoPeople');

const RetireMissingStaff = z
  .object({
    // At least one: an empty list would deactivate the whole directory.
    keep: z.array(Username).min(1).max(60_000),
    dryRun,
  })
  .strict()
  .openapi('ImportRetireMissingStaff');

const Outcome = z.enum(['added', 'changed', 'unchanged', 'retired']);
const Results = z
  .object({
    dryRun: z.boolean(),
    results: z.array(z.object({ username: z.string(), outcome: Outcome })),
  })
  .openapi('StaffImportResults');

/**
 * A region pack's people (`pnpm okno region import`): staff written to the realm, so they sign
 * in with their roles, agency and office, and recorded in the staff directory; staff the pack
 * no longer holds made inactive; on a development node, the demo applicants. For the regional
 * administrator only; every change audited as an edit is, marked `import`.
 */
export function staffImportRoutes(callService: ServiceCaller, people: RealmPeople | undefined) {
  const route = (path: string, summary: string, body: z.ZodType) =>
    defineRoute({
      method: 'post',
      path,
      access: { roles: [personRoles.regionalAdmin] },
      tags: ['identity'],
      summary,
      request: { body: { required: true, content: { 'application/json': { schema: body } } } },
      responses: {
        200: {
          description: 'What was (or, in a dry run, would be) done to each.',
          content: { 'application/json': { schema: Results } },
        },
        422: { description: 'Items refused, each named; nothing of the batch is written.' },
        503: { description: "The node cannot write to its OpenID provider's people." },
      },
    });
  return createRouter()
    .openapi(
      route('/imports/staff', 'Import staff: into the realm and the staff directory', StaffBatch),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof StaffBatch> & {
          expect: { agencies: string[]; offices: string[] };
        };
        if (!people) throw noPeopleDirectory();
        const expected = body.dryRun
          ? { agencies: new Set(body.expect.agencies), offices: new Set(body.expect.offices) }
          : { agencies: new Set<string>(), offices: new Set<string>() };
        // Agencies and offices are the catalogue's, asked before any transaction opens.
        const errors = await staffImportErrors(callService, body.items, expected);
        if (errors.length > 0) throw invalidFields(errors);
        const subjects = await writeToRealm(people, body.items, body.dryRun);
        const author = {
          ...actorOf(requirePrincipal(c.var.principal), c.var.requestId),
          import: true as const,
        };
        const results = await inTransaction(c.var.db, body.dryRun, (tx) =>
          recordStaff(tx, body.items, subjects, author),
        );
        return c.json({ dryRun: body.dryRun, results }, 200);
      },
    )
    .openapi(
      route(
        '/imports/staff/retire-missing',
        'Make staff the pack no longer holds inactive (never the caller)',
        RetireMissingStaff,
      ),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof RetireMissingStaff>;
        if (!people) throw noPeopleDirectory();
        const principal = requirePrincipal(c.var.principal);
        const gone = await staffNotKept(c.var.db, body.keep, principal.subject);
        if (!body.dryRun) {
          for (const row of gone) await people.disable(row.username);
          const author = { ...actorOf(principal, c.var.requestId), import: true as const };
          await c.var.db.transaction((tx) => deactivateStaff(tx, gone, author));
        }
        const results = gone.map((r) => ({ username: r.username, outcome: 'retired' as const }));
        return c.json({ dryRun: body.dryRun, results }, 200);
      },
    )
    .openapi(
      route(
        '/imports/demo-people',
        'Development only: applicants to sign in as (the embedded provider)',
        DemoPeopleBatch,
      ),
      async (c) => {
        const body = c.req.valid('json') as z.output<typeof DemoPeopleBatch>;
        if (people?.kind !== 'embedded') {
          throw new ProblemError({
            status: 409,
            type: 'conflict',
            title: 'Demo people are for development nodes',
            detail:
              "This node's people are its Keycloak realm's: applicants sign in there, never from a pack.",
          });
        }
        const results: { username: string; outcome: 'added' | 'changed' | 'unchanged' }[] = [];
        for (const item of body.items) {
          const { outcome } = await people.save({ ...item, enabled: true }, body.dryRun);
          results.push({ username: item.username, outcome });
        }
        return c.json({ dryRun: body.dryRun, results }, 200);
      },
    );
}
