import type { PolicyResource } from '@pulumi/policy';
import { oknoPolicies, type OknoPolicyConfig } from '../policy/policies';
import type { Declared } from './mock-stack';

/**
 * Runs the policy pack's checks over what a program declared, as `pulumi preview
 * --policy-pack` would, and returns each violation as `<policy>: <message>`.
 */
export async function violations(
  declared: Declared[],
  config: OknoPolicyConfig,
): Promise<string[]> {
  const resources = declared.map(
    (d) =>
      ({
        type: d.type,
        props: d.inputs,
        urn: `urn:pulumi:ru-kem::okno::${d.type}::${d.name}`,
        name: d.name,
      }) as PolicyResource,
  );
  const found: string[] = [];
  for (const policy of oknoPolicies) {
    await policy.validateStack(
      {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: () => {
          throw new Error(`${policy.name} is not applicable`);
        },
      },
      (message) => found.push(`${policy.name}: ${message}`),
    );
  }
  return found;
}
