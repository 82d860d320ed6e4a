import { z } from 'zod';
import type { FieldError, ServiceCaller } from '@okno/http';

const AgencyAnswer = z.object({ code: z.string(), retiredAt: z.string().optional() });
const OfficeAnswer = z.object({
  code: z.string(),
  content: z.object({ agencyCode: z.string() }),
  retiredAt: z.string().optional(),
});

/**
 * Where a staff member may work, checked against the catalogue: agencies and offices have one
 * owner, the catalogue, and identity reads them through its public API (never a copy of its
 * tables). Field errors for each problem; none when the agency exists and is not retired and
 * the office is one of that agency's and open.
 */
export async function workplaceErrors(
  callService: ServiceCaller,
  staff: { agencyCode?: string | undefined; officeCode?: string | undefined },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const error = (pointer: string, message: string) =>
    errors.push({ location: 'body', pointer, message });
  if (staff.agencyCode) {
    const agency = await read(callService, `/agencies/${encodeURIComponent(staff.agencyCode)}`);
    if (!agency) error('/agencyCode', 'no such agency');
    else if (AgencyAnswer.parse(agency).retiredAt) error('/agencyCode', 'the agency is retired');
  }
  if (staff.officeCode) {
    const office = await read(callService, `/offices/${encodeURIComponent(staff.officeCode)}`);
    const answer = office === undefined ? undefined : OfficeAnswer.parse(office);
    if (!answer) error('/officeCode', 'no such office');
    else if (answer.retiredAt) error('/officeCode', 'the office is closed');
    else if (answer.content.agencyCode !== staff.agencyCode) {
      error('/officeCode', "is not an office of the member's agency");
    }
  }
  return errors;
}

async function read(callService: ServiceCaller, path: string): Promise<unknown> {
  const res = await callService('catalogue', path, { headers: { accept: 'application/json' } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`catalogue answered ${res.status} for ${path}`);
  return res.json();
}
