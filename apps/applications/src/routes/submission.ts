import type { Executor } from '@okno/db';
import { invalidFields } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { numberPrefix } from '../model/application-number';
import { feeDue, feesDue } from '../model/fees';
import { formDataErrors } from '../model/form-check';
import { numberApplication } from '../store/application-store';

/**
 * What submitting adds to an application, whatever the door: a complete form (every bad or
 * missing field reported) and the fees it owes; its number comes last (`numberSubmitted`). The
 * catalogue version must have been read before the transaction (catalogue-prefetch.ts).
 */
export function submission(
  ctx: ApplicationsContext,
  filed: {
    serviceCode: string;
    serviceVersion: number;
    serviceVersionId: string;
    applicantType: 'citizen' | 'business';
  },
  formData: Record<string, unknown>,
): { submittedAt: Date; feeDueMinor: number } {
  const version = ctx.catalogue.cachedVersion(filed.serviceCode, filed.serviceVersion);
  if (!version) throw new Error(`catalogue version ${filed.serviceVersionId} was not read`);
  const form = { versionId: version.id, schema: version.content.form.schema };
  const errors = formDataErrors(form, formData, 'submission');
  if (errors.length > 0) throw invalidFields(errors);
  return {
    submittedAt: ctx.now(),
    feeDueMinor: feeDue(version, filed.applicantType),
  };
}

/**
 * Numbers a submitted application (the region's prefix, the year of `today`) and the events
 * announcing it: the transaction's last business statement (see numberApplication).
 */
export function numberSubmitted(
  ctx: ApplicationsContext,
  tx: Executor,
  applicationId: string,
  eventIds: readonly string[],
  today: string,
): Promise<string> {
  return numberApplication(tx, {
    applicationId,
    eventIds,
    prefix: numberPrefix(ctx.region.code),
    year: Number(today.slice(0, 4)),
  });
}

/**
 * What the submitted event tells the payments service, so it can create an accrual for each
 * fee with no call back: the fees (budget code, kopecks, title) and who pays. A counter
 * applicant's identity document travels only as a keyed hash (see docs/payments.md).
 */
export function feeFacts(
  ctx: ApplicationsContext,
  filed: { serviceCode: string; serviceVersion: number; applicantType: 'citizen' | 'business' },
  payer: { subject: string | null; company: string | null; documentIndex: string | null },
): Record<string, unknown> {
  const version = ctx.catalogue.cachedVersion(filed.serviceCode, filed.serviceVersion);
  if (!version)
    throw new Error(`catalogue version ${filed.serviceCode}/${filed.serviceVersion} was not read`);
  const fees = feesDue(version, filed.applicantType).map((fee) => ({
    budgetCode: fee.kbk,
    amountMinor: fee.amountMinor,
    title: fee.title,
  }));
  return fees.length === 0 ? {} : { fees, payer };
}
