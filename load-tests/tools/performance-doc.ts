import { readFileSync, writeFileSync } from 'node:fs';

const begin = '<!-- pnpm bench: begin (written by load-tests/tools/bench.ts; do not edit) -->';
const end = '<!-- pnpm bench: end -->';

/** Puts `section` into docs/performance.md between its markers (after the intro when new). */
export function writeBenchSection(docPath: string, section: string) {
  const doc = readFileSync(docPath, 'utf8');
  const block = `${begin}\n\n${section.trim()}\n\n${end}`;
  const at = doc.indexOf(begin);
  const updated =
    at >= 0
      ? doc.slice(0, at) + block + doc.slice(doc.indexOf(end) + end.length)
      : doc.replace(/\n## /, `\n${block}\n\n## `);
  writeFileSync(docPath, updated);
}
