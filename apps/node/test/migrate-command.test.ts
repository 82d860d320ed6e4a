import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, pendingMigrations } from '@okno/db';

// The migration Job's command (`pnpm migrate`): migrates, grants, exits; refuses bad settings.
const migrate = fileURLToPath(new URL('../src/migrate.ts', import.meta.url));
const run = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', migrate], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  }).then(
    (done) => ({ code: 0, output: done.stdout + done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      code: failed.code,
      output: failed.stdout + failed.stderr,
    }),
  );

describe('the migrate command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okno-migrate-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies every migration to the embedded database and exits 0', async () => {
    const { code, output } = await run({ OKNO_DATA_DIR: dataDir });
    expect(code, output).toBe(0);
    expect(output).toContain('migrations applied');
    const handle = await createDb({ dataDir });
    try {
      expect(await pendingMigrations(handle)).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('refuses malformed service logins, naming the setting, before touching anything', async () => {
    const { code, output } = await run({
      OKNO_DATA_DIR: dataDir,
      OKNO_SERVICE_LOGINS: 'catalogue:okno_catalogue',
    });
    expect(code).toBe(1);
    expect(output).toContain('OKNO_SERVICE_LOGINS: schema=login pairs separated by commas');
  });
});
