import { CliError } from './cli-error';

/** The flags only a production region needs, and what each is. */
export const productionFlags: [string, string][] = [
  ['domain', "the portal's and API's host"],
  ['location', "the region's data centre (the policy pack keeps data there)"],
  ['storage-class', 'its storage class'],
  ['s3-endpoint', 'its S3 endpoint (https://…)'],
  ['node-image', 'registry/okno/node@sha256:…'],
  ['nats-image', 'registry/nats@sha256:…'],
  ['keycloak-image', 'registry/keycloak@sha256:…'],
  ['collector-image', 'registry/otelcol@sha256:…'],
  ['cluster-issuer', "cert-manager's issuer"],
];

export const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `region init --profile production`: the region's Pulumi stack, realm input and policy
 * configuration (docs/deploy.md), validated as `pulumi up` will validate them.
 */
export async function productionInit(
  code: string,
  flags: Record<string, string | undefined>,
  out: string,
): Promise<string> {
  const required = [...productionFlags.map(([flag]) => flag), 'time-zone', 'uin-prefix'];
  const missing = required.filter((flag) => !flags[camel(flag)]);
  if (missing.length > 0) {
    throw new CliError(`--profile production needs ${missing.map((m) => `--${m}`).join(', ')}`);
  }
  const size = flags['size'];
  if (size !== 'small' && size !== 'large') throw new CliError('--size is small or large');
  // Loaded only here: the Pulumi SDK is heavy, and nothing else in the CLI needs it.
  const { initRegion, nextSteps, writeRegionFiles } = await import('@okno/deploy');
  const value = (flag: string) => flags[camel(flag)]!;
  let files;
  try {
    files = initRegion({
      code,
      name: { ru: flags['nameRu'] ?? code, en: flags['nameEn'] ?? code },
      domain: value('domain'),
      location: value('location'),
      storageClass: value('storage-class'),
      s3Endpoint: value('s3-endpoint'),
      nodeImage: value('node-image'),
      natsImage: value('nats-image'),
      keycloakImage: value('keycloak-image'),
      collectorImage: value('collector-image'),
      timeZone: value('time-zone'),
      uinPrefix: value('uin-prefix'),
      clusterIssuer: value('cluster-issuer'),
      size,
    });
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (!issues) throw error;
    throw new CliError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  let written: string[];
  try {
    written = writeRegionFiles(out, files);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return [...written.map((path) => `wrote ${path}`), '', nextSteps(code, files)].join('\n');
}
