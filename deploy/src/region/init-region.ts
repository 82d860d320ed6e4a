import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RegionConfig } from '@okno/realm';
import { stringify } from 'yaml';
import { secretKeys } from '../stack-program';
import { RegionStack } from './region-stack';

/** What `okno region init` asks of a region's IT team. */
export interface InitRegionOptions {
  /** ISO 3166-2, e.g. RU-TOM. */
  code: string;
  name: { ru: string; en: string };
  /** The portal's and API's host. */
  domain: string;
  /** The region's data centre, its storage class and its S3 endpoint. */
  location: string;
  storageClass: string;
  s3Endpoint: string;
  /** The release to deploy and the servers beside it, by digest in the region's registry. */
  nodeImage: string;
  natsImage: string;
  keycloakImage: string;
  collectorImage: string;
  timeZone: string;
  uinPrefix: string;
  clusterIssuer: string;
  size?: 'small' | 'large';
}

export interface RegionFiles {
  /** deploy/regional-node/Pulumi.<code>.yaml: the stack's configuration (no secrets). */
  stack: { path: string; content: string };
  /** deploy/regions/<code>.json: the realm generator's input. */
  realm: { path: string; content: string };
  /** deploy/policy/<code>.json: the policy pack's configuration (the region's location). */
  policy: { path: string; content: string };
}

/**
 * A new region's files, validated by the same schemas `pulumi up` and the realm generator
 * use, so what it writes is deployable as written. Throws naming each invalid option.
 */
export function initRegion(options: InitRegionOptions): RegionFiles {
  const code = options.code.toLowerCase();
  const [repository, digest] = options.nodeImage.split('@');
  const stack = RegionStack.parse({
    region: options.code,
    domain: options.domain,
    location: {
      name: options.location,
      storageClasses: [options.storageClass],
      objectStorageEndpoints: [options.s3Endpoint],
    },
    image: { repository, digest },
    images: {
      nats: options.natsImage,
      keycloak: options.keycloakImage,
      collector: options.collectorImage,
    },
    size: options.size ?? 'small',
    timeZone: options.timeZone,
    uinPrefix: options.uinPrefix,
    database: {
      instances: 3,
      storage: { size: '100Gi', storageClass: options.storageClass },
      backup: { bucket: `okno-backups-${code}`, endpoint: options.s3Endpoint },
    },
    nats: { storage: { size: '20Gi', storageClass: options.storageClass } },
    objectStorage: {
      kind: 'existing',
      bucket: `okno-documents-${code}`,
      endpoint: options.s3Endpoint,
    },
    keycloak: { database: { storage: { size: '10Gi', storageClass: options.storageClass } } },
    ingress: { clusterIssuer: options.clusterIssuer },
  });
  const portal = `https://${stack.domain}`;
  const realm = RegionConfig.parse({
    code: stack.region,
    name: options.name,
    portal: {
      redirectUris: [`${portal}/auth/callback`],
      webOrigins: [portal],
      postLogoutRedirectUris: [`${portal}/`],
    },
    accessTokenMinutes: 5,
    partners: [],
  });
  const header = [
    `# Region ${stack.region}: written by \`pnpm okno region init\`; edit freely (docs/deploy.md).`,
    '# Secrets are not here in the clear: set each with `pulumi config set --secret okno:<key>`.',
  ].join('\n');
  return {
    stack: {
      path: `deploy/regional-node/Pulumi.${code}.yaml`,
      content: `${header}\n${stringify({ config: { 'okno:region': stack } })}`,
    },
    realm: { path: `deploy/regions/${code}.json`, content: `${JSON.stringify(realm, null, 2)}\n` },
    policy: {
      path: `deploy/policy/${code}.json`,
      content: `${JSON.stringify(
        {
          'data-stays-in-the-region': {
            storageClasses: stack.location.storageClasses,
            objectStorageEndpoints: stack.location.objectStorageEndpoints,
          },
        },
        null,
        2,
      )}\n`,
    },
  };
}

/**
 * Writes a new region's files under the repository root; refuses (throwing, naming them) to
 * overwrite any that exist. Returns the paths written.
 */
export function writeRegionFiles(repo: string, files: RegionFiles): string[] {
  const written = [files.stack, files.realm, files.policy];
  const existing = written.filter((f) => existsSync(join(repo, f.path)));
  if (existing.length > 0) {
    throw new Error(`not overwriting ${existing.map((f) => f.path).join(', ')}`);
  }
  for (const file of written) {
    mkdirSync(dirname(join(repo, file.path)), { recursive: true });
    writeFileSync(join(repo, file.path), file.content);
  }
  return written.map((f) => f.path);
}

/** What a team does next, from the repository root (docs/deploy.md). */
export function nextSteps(code: string, files: RegionFiles): string {
  const stack = code.toLowerCase();
  const generated: Record<string, string> = {
    dataKeys: '"$(pnpm --silent okno keys data)"',
    signingKeys: '"$(pnpm --silent okno keys signing)"',
  };
  return [
    'Next (docs/deploy.md), from the repository root:',
    `  pnpm realm:generate --region "$PWD/${files.realm.path}"`,
    `  cd deploy/regional-node && pulumi stack init ${stack}`,
    ...secretKeys.map(
      (key) => `  pulumi config set --secret okno:${key} ${generated[key] ?? '<value>'}`,
    ),
    `  pulumi preview --policy-pack ../policy --policy-pack-config ../policy/${stack}.json`,
    `  pulumi up --policy-pack ../policy --policy-pack-config ../policy/${stack}.json`,
  ].join('\n');
}
