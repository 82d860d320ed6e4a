// Writes the pack files' JSON Schemas into regions/schema/ (`pnpm --filter @okno/region-pack
// schemas`); with --check, fails if the committed ones differ from what the code says.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packJsonSchemas } from '../src/json-schemas';

const dir = resolve(import.meta.dirname, '../../../regions/schema');
const check = process.argv.includes('--check');
mkdirSync(dir, { recursive: true });
const stale: string[] = [];
for (const [file, schema] of Object.entries(packJsonSchemas())) {
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const path = join(dir, file);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (committed !== text) stale.push(file);
  } else writeFileSync(path, text);
}
if (stale.length > 0) {
  console.error(`regions/schema is out of date (${stale.join(', ')}): run pnpm regions:schemas`);
  process.exit(1);
}
console.log(check ? 'regions/schema matches the pack schemas.' : `wrote ${dir}`);
