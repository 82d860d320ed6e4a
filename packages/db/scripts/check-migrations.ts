// Fails when the Drizzle schema and the committed migrations disagree: it generates into a
// copy of the migrations folder and reports any migration that would be new.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'okno-migrations-'));
try {
  const out = join(work, 'migrations');
  cpSync(join(root, 'migrations'), out, { recursive: true });
  const config = join(work, 'drizzle.config.json');
  writeFileSync(
    config,
    // drizzle-kit resolves paths relative to the working directory, even absolute ones.
    JSON.stringify({
      dialect: 'postgresql',
      schema: './src/schema/index.ts',
      out: relative(root, out),
    }),
  );
  const before = new Set(readdirSync(out));
  const output = execFileSync('pnpm', ['exec', 'drizzle-kit', 'generate', '--config', config], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // drizzle-kit can exit 0 after an error, so insist on its own "nothing to do" line too.
  if (!/No schema changes/.test(output)) {
    console.error(`drizzle-kit did not confirm the schema is unchanged:\n${output}`);
    process.exit(1);
  }
  const added = readdirSync(out).filter((f) => !before.has(f));
  if (added.length > 0) {
    console.error(
      `Schema and migrations disagree: drizzle-kit would add ${added.join(', ')}.\n` +
        'Run `pnpm db:generate` and commit the migration.',
    );
    process.exit(1);
  }
  console.log('Migrations match the schema.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
