import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordGrantClaims, startNodeProcess, type NodeProcess } from '@okno/testing';
import { readPacks } from '@okno/region-pack';
import { okno } from './okno-cli';

const fixtures = fileURLToPath(new URL('../../region-pack/test/fixtures', import.meta.url));
const nodeMain = fileURLToPath(new URL('../../../apps/node/src/main.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'okno-import-'));
const pack = join(work, 'ru-xyz');
let node: NodeProcess;

beforeAll(async () => {
  cpSync(join(fixtures, 'ru-xyz'), pack, { recursive: true });
  // A development node of the fixture's region on the embedded default, without demo data.
  node = await startNodeProcess(
    {
      OKNO_REGION: 'RU-XYZ',
      OKNO_TIME_ZONE: 'Asia/Tomsk',
      OKNO_DEMO_DATA: 'false',
      OKNO_DATA_DIR: join(work, 'data'),
      NODE_ENV: 'development',
    },
    nodeMain,
  );
}, 120_000);
afterAll(async () => {
  node?.child.kill('SIGTERM');
  await node?.exited;
  rmSync(work, { recursive: true, force: true });
});

// Nobody of the demo region is here: the node made its first administrator, as Keycloak would.
const signIn = ['--username', 'admin', '--password', 'admin'];
/** A person's access token claims (password = username); `undefined` if refused. */
const claimsOf = (username: string) =>
  passwordGrantClaims(
    `${node.url}/realms/ru-xyz/protocol/openid-connect/token`,
    username,
    username,
  );
const importPack = (...flags: string[]) =>
  okno(['region', 'import', pack, '--no-federal', '--url', node.url, ...signIn, ...flags]);
const service = async (code: string) => fetch(`${node.url}/api/catalogue/services/${code}`);

describe('pnpm okno region import, into a running node', () => {
  it('says what a first import would add, and adds nothing', async () => {
    const dry = await importPack('--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+ agency xyz-education (added)');
    expect(dry.stdout).toContain('+ service xyz-school (added)');
    expect(dry.stdout).toContain('+ office xyz-mfc-central (added)');
    expect(dry.stdout).toContain('+ staff xyz-counter (added)');
    expect(dry.stdout).toContain('(dry run: nothing was written)');
    // The pack adds 16 April 2027; the node was started without its calendar file.
    expect(dry.stderr).toContain(
      "warning: the node's regional days for 2027 are not calendar.yaml's",
    );
    expect((await service('xyz-school')).status).toBe(404);
    expect(await claimsOf('xyz-counter')).toBeUndefined();
  });

  it('knows no one of the demo region before the import', async () => {
    expect(await claimsOf('admin1')).toBeUndefined();
    expect(await claimsOf('counter1')).toBeUndefined();
    expect(await claimsOf('admin')).toMatchObject({ realm_access: { roles: ['regional-admin'] } });
  });

  it('imports every agency, office and service, showing its progress; a rerun changes nothing', async () => {
    const first = await importPack();
    expect(first.code, first.stderr).toBe(0);
    // Not a terminal here, so a line per batch instead of a bar.
    expect(first.stderr).toContain('services: 4/7');
    expect(first.stderr).toContain('staff: 7/7');
    expect(first.stdout).toMatch(/agencies\s+\d+: 3 added/);
    expect(first.stdout).toMatch(/services\s+1: 1 added/);
    expect(first.stdout).toMatch(/offices\s+1: 1 added/);
    expect(first.stdout).toMatch(/staff\s+2: 2 added/);
    expect(first.stdout).toMatch(/people\s+1: 1 added/);
    // The pack's people sign in at once, with what their tokens must say.
    expect(await claimsOf('xyz-counter')).toMatchObject({
      region: 'RU-XYZ',
      agency: 'xyz-mfc',
      office: 'xyz-mfc-central',
      realm_access: { roles: ['mfc-officer'] },
    });
    expect(await claimsOf('xyz-citizen')).toMatchObject({ realm_access: { roles: ['citizen'] } });
    expect((await service('xyz-school')).status).toBe(200);
    const office = await fetch(`${node.url}/api/catalogue/offices/xyz-mfc-central`);
    expect(office.status).toBe(200);

    const second = await importPack();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 changes made');
  });

  it('lists exactly the one service changed in the pack on a dry run', async () => {
    const file = join(pack, 'services', 'xyz-school.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('deadlineWorkingDays: 10', 'deadlineWorkingDays: 12'),
    );
    const dry = await importPack('--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const changes = dry.stdout.split('\n').filter((line) => /^[+~-] /.test(line));
    expect(changes).toEqual(['~ service xyz-school (changed)']);
    const real = await importPack();
    expect(real.stdout).toContain('1 changes made');
    const published = (await (await service('xyz-school')).json()) as { version: number };
    expect(published.version).toBe(2);
  });

  it('exports what the node holds as a pack that imports to no change: the round trip', async () => {
    const exported = join(work, 'exported', 'ru-xyz');
    const run = await okno(['region', 'export', exported, '--url', node.url, ...signIn]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 agencies, 1 offices, 1 services, 2 staff');
    // The files the node does not hold come from the team's pack.
    for (const file of ['region.yaml', 'demo-people.yaml', 'calendar.yaml']) {
      cpSync(join(pack, file), join(exported, file));
    }
    const read = (folder: string) => {
      const [only] = readPacks([folder]).packs ?? [];
      const byCode = <T extends { code: string }>(items: T[]) =>
        [...items].sort((a, b) => a.code.localeCompare(b.code));
      return {
        agencies: byCode(only?.agencies ?? []),
        offices: byCode(only?.offices ?? []),
        services: byCode(only?.services ?? []),
        staff: [...(only?.staff ?? [])].sort((a, b) => a.username.localeCompare(b.username)),
      };
    };
    expect(read(exported)).toEqual(read(pack));
    const again = await okno([
      'region',
      'import',
      exported,
      '--no-federal',
      '--url',
      node.url,
      ...signIn,
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 changes made');
  });

  it('refuses a pack with five planted errors, naming each by file, line and path, and writes nothing', async () => {
    const broken = join(work, 'broken', 'ru-xyz');
    cpSync(pack, broken, { recursive: true });
    const plant = (file: string, from: string, to: string) => {
      const path = join(broken, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    };
    plant('region.yaml', 'timeZone: Asia/Tomsk', 'timeZone: Siberia/Nowhere');
    plant('offices.yaml', 'agencyCode: xyz-mfc', 'agencyCode: xyz-nobody');
    plant('staff.yaml', 'office: xyz-mfc-central', 'office: xyz-mfc-south');
    plant('calendar.yaml', '2027-04-16', '2027-04-31');
    cpSync(join(broken, 'services', 'xyz-school.yaml'), join(broken, 'services', 'xyz-camp.yaml'));
    plant('services/xyz-camp.yaml', 'deadlineWorkingDays: 12', 'deadlineWorkingDays: ten');
    const run = await okno([
      'region',
      'import',
      broken,
      '--no-federal',
      '--url',
      node.url,
      ...signIn,
    ]);
    expect(run.code).toBe(1);
    const listed = run.stderr.split('\n').filter((line) => line.startsWith('  ru-xyz/'));
    expect(listed).toHaveLength(5);
    expect(run.stderr).toContain('5 problems in the pack; nothing was imported');
    for (const where of [
      'region.yaml:',
      'offices.yaml:',
      'staff.yaml:',
      'calendar.yaml:',
      'services/xyz-camp.yaml:',
    ]) {
      expect(
        listed.some((line) => line.startsWith(`  ru-xyz/${where}`)),
        where,
      ).toBe(true);
    }
    expect((await service('xyz-camp')).status).toBe(404);
  });

  it("refuses another region's pack", async () => {
    const other = join(work, 'other', 'ru-xyz');
    cpSync(pack, other, { recursive: true });
    writeFileSync(
      join(other, 'region.yaml'),
      readFileSync(join(other, 'region.yaml'), 'utf8').replace('RU-XYZ', 'RU-ABC'),
    );
    const run = await okno([
      'region',
      'import',
      other,
      '--no-federal',
      '--url',
      node.url,
      ...signIn,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the pack is RU-ABC's and the node");
  });
});
