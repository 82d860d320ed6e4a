import type { Principal } from '@okno/auth';
import { isValidUin } from '../uin/check-digit';
import { issuerOf, type UinLayout } from '../uin/uin-layout';

interface Issuer {
  code: string;
  officeCode: string | null;
}

/**
 * Why a UIN made away from the node (at a counter, in a mobile office offline) may not be
 * taken, or null if it may: it must be a valid UIN of this region's layout, under an issuer
 * registered for an office (never the node's own, whose sequence only the node counts), and
 * an officer may only bring UINs of their own office's issuer.
 */
export function offlineUinProblem(
  layout: UinLayout,
  uin: string,
  issuer: Issuer | undefined,
  principal: Principal,
): string | null {
  if (!isValidUin(uin)) return 'is not a UIN: its check digit does not match';
  const code = issuerOf(layout, uin);
  if (code === null) return `is not a UIN of this region (it must begin with ${layout.prefix})`;
  if (!issuer || issuer.officeCode === null) {
    return `is under issuer ${code}, which is not registered to an office of this node`;
  }
  if (principal.office !== undefined && principal.office !== issuer.officeCode) {
    return `is under issuer ${code}, which belongs to office ${issuer.officeCode}, not yours`;
  }
  return null;
}
