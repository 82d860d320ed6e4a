// Writes a region's Keycloak realm import files from its configuration, or with --check
// fails when the committed files differ from what the configuration generates.
//   pnpm realm:generate [--region deploy/regions/ru-kem.json] [--out deploy/keycloak] [--check]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegionConfig, realmFiles } from '../src';

const root = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    region: { type: 'string', default: join(root, 'deploy/regions/ru-kem.json') },
    out: { type: 'string', default: join(root, 'deploy/keycloak') },
    check: { type: 'boolean', default: false },
  },
});

const files = realmFiles(loadRegionConfig(values.region));
const stale: string[] = [];
for (const [name, content] of files) {
  const path = join(values.out, name);
  if (values.check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== content) stale.push(path);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
if (stale.length > 0) {
  console.error(`Realm files are out of date; run pnpm realm:generate:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (values.check) console.log('Realm files match the region configuration.');
