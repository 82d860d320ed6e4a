import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegionConfig } from '@okno/realm';
import {
  initRegion,
  nextSteps,
  writeRegionFiles,
  type InitRegionOptions,
} from '../src/region/init-region';
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
  it('writes the stack, realm input and policy configuration, which pass the policy pack', async () => {
    const files = initRegion(tomsk);
    expect(writeRegionFiles(out, files)).toEqual([
      'deploy/regional-node/Pulumi.ru-tom.yaml',
      'deploy/regions/ru-tom.json',
      'deploy/policy/ru-tom.json',
    ]);
    expect(nextSteps('RU-TOM', files)).toContain('pulumi config set --secret okno:dataKeys');
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

  it('refuses to overwrite a region, and names what is wrong', () => {
    expect(() => writeRegionFiles(out, initRegion(tomsk))).toThrow(
      'not overwriting deploy/regional-node/Pulumi.ru-tom.yaml',
    );
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
