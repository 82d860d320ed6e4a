import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { okno } from './okno-cli';

const out = mkdtempSync(join(tmpdir(), 'okno-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('pnpm okno, as a team meets it', () => {
  it('prints usage and exits 0 for --help, for every command', async () => {
    for (const command of [
      [],
      ['region'],
      ['region', 'init'],
      ['region', 'check'],
      ['region', 'import'],
      ['keys'],
    ]) {
      const run = await okno([...command, '--help']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: okno/);
    }
  });

  it('answers a mistake with what is wrong and exit code 2, never a stack trace', async () => {
    const mistakes: [string[], RegExp][] = [
      [['region', 'init', '--bogus'], /unknown option '--bogus'/],
      [['keys'], /missing required argument 'kind'/],
      [['keys', 'passwords'], /Allowed choices are data, signing/],
      [['region', 'init', 'RU-XYZ'], /--time-zone is needed/],
      [['region', 'init', 'RU-XYZ', '--time-zone', 'Mars/Base'], /--time-zone: an IANA time zone/],
      [['region', 'init', 'Tomsk', '--time-zone', 'Asia/Tomsk'], /<code>: an ISO 3166-2 code/],
      [
        ['region', 'init', 'RU-XYZ', '--time-zone', 'Asia/Tomsk', '--domain', 'x'],
        /--domain is for --profile production/,
      ],
      [['region', 'init', 'RU-XYZ', '--profile', 'production'], /needs --domain, --location/],
      [['region', 'check', 'regions/nowhere'], /there is no folder regions\/nowhere/],
      [['region', 'import', 'regions/nowhere'], /there is no folder regions\/nowhere/],
    ];
    for (const [args, message] of mistakes) {
      const run = await okno(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('starts a development region asking only its code and time zone, and the pack checks clean', async () => {
    const init = await okno([
      'region',
      'init',
      'RU-XYZ',
      '--time-zone',
      'Asia/Tomsk',
      '--out',
      out,
    ]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote regions/ru-xyz/region.yaml');
    // Checked with the federal pack, as it will be imported: its services' agencies are listed.
    const check = await okno(['region', 'check', join(out, 'regions/ru-xyz')]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain(
      'ru-xyz: 10 agencies, 0 offices, 1 staff, 0 services: no problems',
    );
    const again = await okno([
      'region',
      'init',
      'RU-XYZ',
      '--time-zone',
      'Asia/Tomsk',
      '--out',
      out,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not overwriting regions/ru-xyz');
  });

  it("writes a production region's deployment files, refusing to overwrite them", async () => {
    const flags = [
      ...['--profile', 'production', '--domain', 'gosuslugi.xyz.example', '--location', 'xyz-dc1'],
      ...['--storage-class', 'xyz-ssd', '--s3-endpoint', 'https://s3.xyz.example'],
      ...['--node-image', `registry.xyz.example/okno/node@sha256:${'1'.repeat(64)}`],
      ...['--nats-image', `registry.xyz.example/nats@sha256:${'2'.repeat(64)}`],
      ...['--keycloak-image', `registry.xyz.example/keycloak@sha256:${'3'.repeat(64)}`],
      ...['--collector-image', `registry.xyz.example/otelcol@sha256:${'4'.repeat(64)}`],
      ...['--time-zone', 'Asia/Tomsk', '--uin-prefix', '10042300', '--cluster-issuer', 'xyz-ca'],
      ...['--out', out],
    ];
    const run = await okno(['region', 'init', 'RU-XYZ', ...flags]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote deploy/regional-node/Pulumi.ru-xyz.yaml');
    expect(run.stdout).toContain('pulumi config set --secret okno:dataKeys');
    const again = await okno(['region', 'init', 'RU-XYZ', ...flags]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not overwriting deploy/regional-node/Pulumi.ru-xyz.yaml');
    const bad = await okno([
      'region',
      'init',
      'RU-NSK',
      ...flags.map((f) => (f === '10042300' ? '12' : f)),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/uinPrefix/);
  });
});
