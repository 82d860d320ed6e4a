/**
 * Russian inflects words so much that a stemmer alone misses forms with fleeting vowels
 * ("участок" / "участка" stem differently). Besides the stemmed query, each word's stem is
 * also matched as a prefix, two letters shorter (never under four), which catches those
 * forms; ranking still prefers exact stems.
 */
export function prefixQuery(stems: readonly string[]): string | undefined {
  const prefixes = stems
    .filter((s) => /^[\p{L}\p{N}]+$/u.test(s))
    .map((s) => (s.length > 5 ? s.slice(0, Math.max(4, s.length - 2)) : s));
  return prefixes.length === 0 ? undefined : prefixes.map((p) => `${p}:*`).join(' & ');
}

/** The words of a query, lowercased, as the stemmer should see them. */
export function queryWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}
