/**
 * Numbers people can read and dictate over the phone, unique in the region: the region's
 * code without the country (`RU-KEM` → `KEM`), the year of submission, and a sequence of at
 * least seven digits: `KEM-2026-0001234`.
 */
export function applicationNumber(regionCode: string, year: number, sequence: number): string {
  const prefix = numberPrefix(regionCode);
  return `${prefix}-${year}-${String(sequence).padStart(7, '0')}`;
}

export const numberPrefix = (regionCode: string): string => regionCode.replace(/^[A-Z]{2}-/, '');
