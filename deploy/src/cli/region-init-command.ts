import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { initRegion, type RegionFiles } from '../region/init-region';
import { secretKeys } from '../stack-program';

const usage = `usage: pnpm okno region init <CODE> --domain <host> --location <data centre>
  --storage-class <class> --s3-endpoint <https://…> --node-image <registry/okno/node@sha256:…>
  --nats-image <registry/nats@sha256:…> --keycloak-image <registry/keycloak@sha256:…>
  --collector-image <registry/otelcol@sha256:…> --time-zone <IANA> --uin-prefix <digits>
  --cluster-issuer <cert-manager issuer> [--name-ru <name>] [--name-en <name>] [--size small|large]
  [--out <repository root>]   (where deploy/ is; this repository by default)`;

/**
 * `pnpm okno region init <CODE> --domain …`: a new region's stack, realm input and policy
 * configuration, validated as `pulumi up` will validate them (docs/deploy.md).
 */
export function regionInit(args: string[]): void {
  const required = [
    'domain',
    'location',
    'storage-class',
    's3-endpoint',
    'node-image',
    'nats-image',
    'keycloak-image',
    'collector-image',
    'time-zone',
    'uin-prefix',
    'cluster-issuer',
  ];
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: Object.fromEntries(
      [...required, 'name-ru', 'name-en', 'size', 'out'].map((name) => [
        name,
        { type: 'string' as const },
      ]),
    ),
  });
  const repo = resolve(values['out'] ?? join(import.meta.dirname, '../../..'));
  const [code] = positionals;
  if (!code) fail(usage);
  const missing = required.filter((name) => !values[name]);
  if (missing.length > 0) fail(`missing ${missing.map((m) => `--${m}`).join(', ')}\n${usage}`);
  const size = values['size'];
  if (size !== undefined && size !== 'small' && size !== 'large') fail('--size is small or large');

  let files: RegionFiles;
  try {
    files = initRegion({
      code,
      name: { ru: values['name-ru'] ?? code, en: values['name-en'] ?? code },
      domain: values['domain']!,
      location: values['location']!,
      storageClass: values['storage-class']!,
      s3Endpoint: values['s3-endpoint']!,
      nodeImage: values['node-image']!,
      natsImage: values['nats-image']!,
      keycloakImage: values['keycloak-image']!,
      collectorImage: values['collector-image']!,
      timeZone: values['time-zone']!,
      uinPrefix: values['uin-prefix']!,
      clusterIssuer: values['cluster-issuer']!,
      ...(size && { size }),
    });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    fail(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const written = [files.stack, files.realm, files.policy];
  const existing = written.filter((f) => existsSync(join(repo, f.path)));
  if (existing.length > 0) fail(`not overwriting ${existing.map((f) => f.path).join(', ')}`);
  for (const file of written) {
    mkdirSync(dirname(join(repo, file.path)), { recursive: true });
    writeFileSync(join(repo, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
  const stackName = code.toLowerCase();
  const generated: Record<string, string> = {
    dataKeys: '"$(pnpm --silent okno keys data)"',
    signingKeys: '"$(pnpm --silent okno keys signing)"',
  };
  const next = [
    '',
    'Next (docs/deploy.md), from the repository root:',
    `  pnpm realm:generate --region "$PWD/${files.realm.path}"`,
    `  cd deploy/regional-node && pulumi stack init ${stackName}`,
    ...secretKeys.map(
      (key) => `  pulumi config set --secret okno:${key} ${generated[key] ?? '<value>'}`,
    ),
    `  pulumi preview --policy-pack ../policy --policy-pack-config ../policy/${stackName}.json`,
    `  pulumi up --policy-pack ../policy --policy-pack-config ../policy/${stackName}.json`,
  ];
  console.log(next.join('\n'));
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
