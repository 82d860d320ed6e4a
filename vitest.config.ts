import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every workspace package is a vitest project, run in one process so the suite prints one
// summary. Inline projects (rather than the 'packages/*' glob) so they inherit the settings below.
const packageDirs = [
  ...['apps', 'packages', 'plugins'].flatMap((parent) =>
    readdirSync(parent).map((name) => join(parent, name)),
  ),
  'load-tests',
  'deploy',
].filter((dir) => existsSync(join(dir, 'package.json')));

// CI runs the README's test command exactly as printed and still wants a report to sum up:
// OKNO_TEST_REPORT names a JSON file written beside the normal output.
const report = process.env.OKNO_TEST_REPORT;

export default defineConfig({
  test: {
    ...(report ? { reporters: ['default', 'json'], outputFile: { json: report } } : {}),
    // PGlite starts a whole PostgreSQL in WebAssembly; on a busy 2-core machine that alone can
    // take seconds, so the default 5 s would fail tests that are slow, not wrong.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: packageDirs.map((dir) => ({
      extends: true,
      test: {
        name: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string })
          .name,
        root: dir,
      },
    })),
  },
});
