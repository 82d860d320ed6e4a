/**
 * Russian inflects words so much that a stemmer alone misses forms with fleeting vowels
 * ("участок" / "участка" stem differently). When the stems alone do not fill a page, search
 * falls back to this looser query: the same query tree (as PostgreSQL's
 * `websearch_to_tsquery` built it, with its ORs, phrases and negations) with each wanted
 * lexeme matched as a prefix, a Cyrillic stem two letters shorter (never under four letters).
 * Negated lexemes stay exact, so "-загранпаспорт" excludes no more than it says.
 *
 * Returns undefined for an empty tree (a query of stop words only).
 */
export function loosenQuery(tree: string): string | undefined {
  if (tree.trim() === '') return undefined;
  return tree.replace(/(!?)'((?:[^']|'')+)'/g, (whole, negated: string, lexeme: string) => {
    if (negated) return whole;
    const cyrillic = /^\p{Script=Cyrillic}+$/u.test(lexeme);
    const prefix =
      cyrillic && lexeme.length > 5 ? lexeme.slice(0, Math.max(4, lexeme.length - 2)) : lexeme;
    return `'${prefix}':*`;
  });
}
