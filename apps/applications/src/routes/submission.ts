import type { Executor } from '@okno/db';
import { invalidFields } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import { applicationNumber, numberPrefix } from '../model/application-number';
import { feeDue, feesDue } from '../model/fees';
import { formDataErrors } from '../model/form-check';
import { nextSequence } from '../store/application-store';

/**
 * What submitting adds to an application, whatever the door: a complete form (every bad or
 * missing field reported), its number, and the fees it owes. The catalogue version must have been read before
 * the transaction (catalogue-prefetch.ts).
 */
export async function submission(
  ctx: ApplicationsContext,
  tx: Executor,
  filed: {
    serviceCode: string;
    serviceVersion: number;
    serviceVersionId: string;
    applicantType: 'citizen' | 'business';
  },
  formData: Record<string, unknown>,
  today: string,
): Promise<{ number: string; submittedAt: Date; feeDueMinor: number }> {
  const version = ctx.catalogue.cachedVersion(filed.serviceCode, filed.serviceVersion);
  if (!version) throw new Error(`catalogue version ${filed.serviceVersionId} was not read`);
  const form = { versionId: version.id, schema: version.content.form.schema };
  const errors = formDataErrors(form, formData, 'submission');
  if (errors.length > 0) throw invalidFields(errors);
  const year = Number(today.slice(0, 4));
  const sequence = await nextSequence(tx, numberPrefix(ctx.region.code), year);
  return {
    number: applicationNumber(ctx.region.code, year, sequence),
    submittedAt: ctx.now(),
    feeDueMinor: feeDue(version, filed.applicantType),
  };
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
