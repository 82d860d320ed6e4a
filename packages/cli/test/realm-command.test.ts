import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readPacks } from '@okno/region-pack';
import { okno } from './okno-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'okno-realm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm okno realm generate', () => {
  it('matches the files committed in deploy/keycloak (run pnpm realm:generate)', async () => {
    const run = await okno(['realm', 'generate', '--check']);
    expect(run.code, run.stderr).toBe(0);
  });

  it("puts the region pack's staff and demo applicants in the development realm, nobody else", () => {
    const users = JSON.parse(
      readFileSync(join(root, 'deploy/keycloak/dev/ru-kem-users-0.json'), 'utf8'),
    ) as { users: { username: string; attributes: Record<string, string[]> }[] };
    const [pack] =
      readPacks([join(root, 'regions/ru-kem'), join(root, 'regions/federal')]).packs ?? [];
    expect(users.users.map((u) => u.username).sort()).toEqual(
      [...(pack?.staff ?? []), ...(pack?.demoPeople ?? [])].map((p) => p.username).sort(),
    );
    expect(users.users.find((u) => u.username === 'counter1')?.attributes).toMatchObject({
      agency: ['mfc'],
      office: ['mfc-kemerovo-central'],
    });
  });

  it('says the files are stale when the pack changes', async () => {
    const pack = join(work, 'ru-kem');
    cpSync(join(root, 'regions/ru-kem'), pack, { recursive: true });
    const staff = join(pack, 'staff.yaml');
    writeFileSync(
      staff,
      `${readFileSync(staff, 'utf8')}  - { username: auditor2, firstName: Ян, lastName: Ли, roles: [auditor] }\n`,
    );
    const run = await okno(['realm', 'generate', '--check', '--pack', pack]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dev/ru-kem-users-0.json');
  });
});
