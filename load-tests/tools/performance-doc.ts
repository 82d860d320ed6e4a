import { readFileSync, writeFileSync } from 'node:fs';

/** Puts `section` into docs/performance.md between its markers (after the intro when new). */
export function writeBenchSection(
  docPath: string,
  section: string,
  // Each bench has its own pair of markers, so that one bench never overwrites another's.
  name = 'pnpm bench',
  writer = 'load-tests/tools/bench.ts',
) {
  const begin = `<!-- ${name}: begin (written by ${writer}; do not edit) -->`;
  const end = `<!-- ${name}: end -->`;
  const doc = readFileSync(docPath, 'utf8');
  const block = `${begin}\n\n${section.trim()}\n\n${end}`;
  const at = doc.indexOf(begin);
  const updated =
    at >= 0
      ? doc.slice(0, at) + block + doc.slice(doc.indexOf(end) + end.length)
      : doc.replace(/\n## /, `\n${block}\n\n## `);
  writeFileSync(docPath, updated);
}
