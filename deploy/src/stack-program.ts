import * as pulumi from '@pulumi/pulumi';
import { RegionalNode } from './regional-node';
import { RegionStack } from './region/region-stack';

/** The stack's secrets, by their keys under `okno:` (set with `pulumi config set --secret`). */
export const secretKeys = [
  'dataKeys',
  'signingKeys',
  'backupAccessKeyId',
  'backupSecretAccessKey',
  'storageAccessKeyId',
  'storageSecretAccessKey',
] as const;

/**
 * The `regional-node` program: reads the stack's `okno:region` configuration, refuses it with
 * every problem named when it is not valid, and declares the region's node.
 */
export function regionalNodeFromConfig(): RegionalNode {
  const config = new pulumi.Config('okno');
  const parsed = RegionStack.safeParse(config.requireObject('region'));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  okno:region.${i.path.join('.')}: ${i.message}`,
    );
    throw new Error(
      `Pulumi.${pulumi.getStack()}.yaml is not a valid region:\n${problems.join('\n')}`,
    );
  }
  const secrets = Object.fromEntries(secretKeys.map((key) => [key, config.requireSecret(key)]));
  return new RegionalNode(pulumi.getStack(), {
    stack: parsed.data,
    secrets: secrets as Record<(typeof secretKeys)[number], pulumi.Output<string>>,
  });
}
