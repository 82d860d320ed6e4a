import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegionConfig } from '@okno/realm';
import { initRegion, type InitRegionOptions } from '../src/region/init-region';
import { regionalNodeFromConfig, secretKeys } from '../src/stack-program';
import { violations } from './check-policies';
import { declare, ofKind } from './mock-stack';

const tomsk: InitRegionOptions = {
  code: 'RU-TOM',
  name: { ru: 'Томская область', en: 'Tomsk Oblast' },
  domain: 'gosuslugi.tomsk.example',
  location: 'tomsk-dc1',
  storageClass: 'tomsk-ssd',
  s3Endpoint: 'https://s3.tomsk.example',
  nodeImage: `registry.tomsk.example/okno/node@sha256:${'1'.repeat(64)}`,
  natsImage: `registry.tomsk.example/mirror/nats@sha256:${'2'.repeat(64)}`,
  keycloakImage: `registry.tomsk.example/okno/keycloak@sha256:${'3'.repeat(64)}`,
  collectorImage: `registry.tomsk.example/mirror/otelcol@sha256:${'4'.repeat(64)}`,
  timeZone: 'Asia/Tomsk',
  uinPrefix: '10042300',
  clusterIssuer: 'tomsk-ca',
};

/** The stack's configuration as Pulumi would pass it, with test values for the secrets. */
function stackConfig(stackYaml: string): Record<string, string> {
  const { config } = parse(stackYaml) as { config: Record<string, unknown> };
  return {
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [k, JSON.stringify(v)])),
    ...Object.fromEntries(secretKeys.map((key) => [`okno:${key}`, `test-${key}`])),
  };
}

describe('a new region from one command', () => {
  const out = mkdtempSync(join(tmpdir(), 'okno-region-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      fileURLToPath(new URL('../src/cli/okno.ts', import.meta.url)),
      ...args,
    ]).then(
      (done) => ({ code: 0, output: done.stdout + done.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => ({
        code: failed.code,
        output: failed.stdout + failed.stderr,
      }),
    );
  const flags = [
    ...['--domain', tomsk.domain, '--location', tomsk.location],
    ...['--storage-class', tomsk.storageClass, '--s3-endpoint', tomsk.s3Endpoint],
    ...['--node-image', tomsk.nodeImage, '--nats-image', tomsk.natsImage],
    ...['--keycloak-image', tomsk.keycloakImage, '--collector-image', tomsk.collectorImage],
    ...['--time-zone', tomsk.timeZone, '--uin-prefix', tomsk.uinPrefix],
    ...['--cluster-issuer', tomsk.clusterIssuer, '--out', out],
  ];

  it('writes the stack, realm input and policy configuration, which pass the policy pack', async () => {
    const { code, output } = await cli(['region', 'init', 'RU-TOM', ...flags]);
    expect(code, output).toBe(0);
    expect(output).toContain('pulumi config set --secret okno:dataKeys');
    const stackYaml = readFileSync(join(out, 'deploy/regional-node/Pulumi.ru-tom.yaml'), 'utf8');
    const policyConfig = JSON.parse(readFileSync(join(out, 'deploy/policy/ru-tom.json'), 'utf8'));
    expect(loadRegionConfig(join(out, 'deploy/regions/ru-tom.json')).code).toBe('RU-TOM');

    const declared = await declare(
      () => regionalNodeFromConfig(join(out, 'deploy/regions')),
      stackConfig(stackYaml),
      'ru-tom',
    );
    expect(ofKind(declared, 'kubernetes:apps/v1:Deployment')).toHaveLength(7); // + Keycloak, collector
    expect(await violations(declared, policyConfig['data-stays-in-the-region'])).toEqual([]);
  });

  it('refuses to overwrite a region, and names what is missing or wrong', async () => {
    const again = await cli(['region', 'init', 'RU-TOM', ...flags]);
    expect(again.code).toBe(2);
    expect(again.output).toContain('not overwriting deploy/regional-node/Pulumi.ru-tom.yaml');
    const missing = await cli(['region', 'init', 'RU-NSK', '--domain', 'nsk.example']);
    expect(missing.output).toContain('missing --location, --storage-class');
    expect(() => initRegion({ ...tomsk, code: 'RU-NSK', uinPrefix: '12' })).toThrow(/uinPrefix/);
  });

  it("mounts the region's own calendar additions when the stack names a calendar file", async () => {
    const { stack } = initRegion(tomsk);
    const config = stackConfig(stack.content);
    const region = JSON.parse(config['okno:region']!) as Record<string, unknown>;
    const calendar = {
      additions: {
        '2027': { source: 'Закон Томской области (пример)', daysOff: ['2027-06-11'] },
      },
    };
    writeFileSync(join(out, 'deploy/regions/ru-tom-calendar.json'), JSON.stringify(calendar));
    config['okno:region'] = JSON.stringify({
      ...region,
      calendarFile: 'regions/ru-tom-calendar.json',
    });
    const declared = await declare(
      () => regionalNodeFromConfig(join(out, 'deploy/regions')),
      config,
      'ru-tom',
    );
    const [map] = ofKind(declared, 'kubernetes:core/v1:ConfigMap').filter(
      (c) => c.name === 'okno-calendar',
    );
    expect(JSON.parse(map!.inputs.data['calendar.json'])).toEqual(calendar);
    const [service] = ofKind(declared, 'kubernetes:apps/v1:Deployment').filter(
      (d) => d.name === 'okno-applications',
    );
    const [container] = service!.inputs.spec.template.spec.containers;
    expect(container.env).toContainEqual({
      name: 'OKNO_CALENDAR_FILE',
      value: '/etc/okno/calendar/calendar.json',
    });
    expect(container.volumeMounts).toContainEqual({
      name: 'files-0',
      mountPath: '/etc/okno/calendar',
      readOnly: true,
    });

    writeFileSync(join(out, 'deploy/regions/ru-tom-calendar.json'), '{"additions":{"27":{}}}');
    await expect(
      declare(() => regionalNodeFromConfig(join(out, 'deploy/regions')), config, 'ru-tom'),
    ).rejects.toThrow(/additions\.27/);
  });

  it('is refused by the program when its configuration is edited wrong', async () => {
    const { stack } = initRegion(tomsk);
    const config = stackConfig(stack.content);
    const region = JSON.parse(config['okno:region']!) as Record<string, unknown>;
    config['okno:region'] = JSON.stringify({ ...region, domain: 'not a host' });
    await expect(
      declare(() => regionalNodeFromConfig(join(out, 'deploy/regions')), config, 'ru-tom'),
    ).rejects.toThrow(
      /Pulumi\.ru-tom\.yaml is not a valid region:\n {2}okno:region\.domain: a host name/,
    );
  });
});
