import { z } from '@hono/zod-openapi';
import type { Principal } from '@okno/auth';
import { channels } from '@okno/db/applications';
import type { ApplicationsContext } from '../applications-context';
import { mayTakeStep, type ApplicationFacts } from '../model/access';
import { statuses, stepNames, stepsFrom, type Status } from '../model/lifecycle';
import type { ApplicationRow } from '../store/application-store';
import { unseal } from '../store/sealing';

export const Application = z
  .object({
    id: z.uuid(),
    number: z.string().nullable().openapi({ example: 'KEM-2026-0001234' }),
    service: z.object({ code: z.string(), version: z.number().int(), versionId: z.uuid() }),
    agencyCode: z.string(),
    applicantType: z.enum(['citizen', 'business']),
    channel: z.enum(channels),
    officeCode: z.string().nullable(),
    collectOfficeCode: z.string().nullable(),
    collectVisitOn: z.iso.date().nullable().openapi({
      description: "The mobile office's visit at which the result is handed over.",
    }),
    fee: z.object({
      dueMinor: z.number().int().openapi({ description: 'Kopecks owed for the service.' }),
      paidMinor: z.number().int(),
      paidAt: z.iso.datetime().nullable(),
    }),
    status: z.enum(statuses),
    decision: z
      .object({ outcome: z.enum(['approved', 'refused']), reason: z.string().optional() })
      .nullable(),
    deadline: z
      .object({
        workingDays: z.number().int(),
        registeredOn: z.iso.date().nullable(),
        dueOn: z.iso.date().nullable(),
        state: z.enum(['on-time', 'near', 'breached']).nullable(),
        paused: z.boolean(),
      })
      .openapi({ description: "The legal term, in working days of the region's calendar." }),
    formData: z.record(z.string(), z.unknown()),
    /** The steps the caller may take now. */
    steps: z.array(z.enum(stepNames as [string, ...string[]])),
    submittedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Application');
export type ApplicationView = z.infer<typeof Application>;

export function toApplicationView(
  row: ApplicationRow,
  viewer: Principal,
  ctx: ApplicationsContext,
): ApplicationView {
  const facts = factsOf(row, ctx.region.code);
  return {
    id: row.id,
    number: row.number,
    service: {
      code: row.serviceCode,
      version: row.serviceVersion,
      versionId: row.serviceVersionId,
    },
    agencyCode: row.agencyCode,
    applicantType: row.applicantType,
    channel: row.channel,
    officeCode: row.officeCode,
    collectOfficeCode: row.collectOfficeCode,
    collectVisitOn: row.collectVisitOn,
    fee: {
      dueMinor: row.feeDueMinor,
      paidMinor: row.feePaidMinor,
      paidAt: row.feePaidAt?.toISOString() ?? null,
    },
    status: row.status as Status,
    decision: row.decision ?? null,
    deadline: {
      workingDays: row.termWorkingDays,
      registeredOn: row.registeredOn,
      dueOn: row.dueOn,
      state: row.deadlineState,
      paused: row.pausedOn !== null,
    },
    formData: unseal(ctx.keyring, row.id, row.sealed).formData,
    steps: stepsFrom(row.status as Status).filter((step) => mayTakeStep(viewer, step, facts)),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The facts access rules need: every application of a node is of the node's region. */
export const factsOf = (row: ApplicationRow, region: string): ApplicationFacts => ({
  region,
  applicantSubject: row.applicantSubject,
  company: row.company,
  agencyCode: row.agencyCode,
  officeCode: row.officeCode,
  collectOfficeCode: row.collectOfficeCode,
  intakeBy: row.intakeBy,
});
