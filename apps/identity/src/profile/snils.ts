/**
 * Whether a SNILS (the pension insurance number every resident has, `123-456-789 64`) is
 * well formed: 11 digits whose last two are the checksum of the first nine. Numbers up to
 * 001-001-998 were issued before checksums and are accepted as they are.
 */
export function isValidSnils(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const number = digits.slice(0, 9);
  if (Number(number) <= 1_001_998) return true;
  const sum = [...number].reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(digits.slice(9));
}

/** The canonical written form, `123-456-789 64`. */
export function formatSnils(value: string): string {
  const d = value.replace(/[\s-]/g, '');
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}
