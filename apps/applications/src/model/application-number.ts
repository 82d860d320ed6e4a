/**
 * Numbers people can read and dictate over the phone, unique in the region: the region's
 * code without the country (`RU-KEM` → `KEM`), the year of submission, and a sequence of at
 * least seven digits: `KEM-2026-0001234`. The number is made in SQL, in the statement that
 * takes the sequence (store/application-store.ts, numberApplication).
 */
export const numberPrefix = (regionCode: string): string => regionCode.replace(/^[A-Z]{2}-/, '');
