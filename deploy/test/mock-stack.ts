import * as pulumi from '@pulumi/pulumi';

/** A resource as the program declared it: what the engine would have been asked to create. */
export interface Declared {
  type: string;
  name: string;
  // The provider's inputs: untyped JSON, as the engine sees them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read by tests as such
  inputs: any;
}

/**
 * Runs `program` against Pulumi's runtime mocks (no CLI, no cluster, no provider binaries)
 * and returns every resource it declared, once all registrations have settled. The stack's
 * configuration is `config` (keys such as `okno:region`), as `Pulumi.<stack>.yaml` holds it.
 */
export async function declare(
  program: () => unknown,
  config: Record<string, string> = {},
  stack = 'ru-kem',
): Promise<Declared[]> {
  const declared: Declared[] = [];
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        declared.push({ type: args.type, name: args.name, inputs: args.inputs });
        // A generated password, recognisable wherever it might leak.
        const generated =
          args.type === 'random:index/randomPassword:RandomPassword'
            ? { result: `${GENERATED_SECRET}-${args.name}` }
            : {};
        return { id: `${args.name}-id`, state: { ...args.inputs, ...generated } };
      },
      call: (args) => args.inputs,
    },
    'okno',
    stack,
    false,
  );
  program();
  // Waits for every registration the program started, then lets the next test start afresh.
  await pulumi.runtime.disconnect();
  return declared;
}

/** What every password the mocks generate begins with. */
export const GENERATED_SECRET = 'mock-generated-secret';

/**
 * Where a secret value appears outside a Kubernetes Secret (and the random resource that
 * made it): in a Deployment's env, a ConfigMap, a custom resource. Each place is a leak.
 */
export function plainSecrets(declared: Declared[], secrets: string[]): string[] {
  return declared.flatMap((d) => {
    if (d.type === 'kubernetes:core/v1:Secret' || d.type.startsWith('random:')) return [];
    const text = JSON.stringify(d.inputs);
    return secrets.filter((s) => text.includes(s)).map((s) => `${d.type} ${d.name} holds ${s}`);
  });
}

export const ofKind = (declared: Declared[], type: string) =>
  declared.filter((d) => d.type === type);
