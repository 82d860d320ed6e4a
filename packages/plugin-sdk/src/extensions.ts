import type { ExtensionPointId, ExtensionPoints, Plugin } from './plugin';

/** The extensions a node was started with, as services look them up. */
export interface Extensions {
  /** Implementations of a point, in the order the plugins were listed. */
  of<P extends ExtensionPointId>(point: P): readonly ExtensionPoints[P][];
  /** The plugins loaded, for /info and logs. */
  readonly plugins: readonly { name: string; version: string }[];
}

const knownPoints: readonly ExtensionPointId[] = [
  'applications.registry-connector',
  'documents.antivirus-scanner',
  'payments.provider',
];

/**
 * Collects the plugins' extensions. Refuses an extension for a point this node does not have
 * (a plugin written for a newer node) rather than ignoring it silently.
 */
export function collectExtensions(plugins: readonly Plugin[]): Extensions {
  const byPoint = new Map<ExtensionPointId, unknown[]>();
  for (const plugin of plugins) {
    for (const extension of plugin.extensions) {
      if (!knownPoints.includes(extension.point)) {
        throw new Error(
          `plugin ${plugin.name} extends "${String(extension.point)}", which this node does not offer (it offers ${knownPoints.join(', ')})`,
        );
      }
      byPoint.set(extension.point, [
        ...(byPoint.get(extension.point) ?? []),
        extension.implementation,
      ]);
    }
  }
  return {
    of: <P extends ExtensionPointId>(point: P) =>
      (byPoint.get(point) ?? []) as ExtensionPoints[P][],
    plugins: plugins.map(({ name, version }) => ({ name, version })),
  };
}

/** No plugins. */
export const noExtensions: Extensions = collectExtensions([]);

/** Whether a module's default export looks like a plugin; says what is wrong if not. */
export function asPlugin(name: string, loaded: unknown): Plugin {
  const plugin = (loaded as { default?: unknown } | null)?.default;
  const p = plugin as Partial<Plugin> | undefined;
  if (
    !p ||
    typeof p.name !== 'string' ||
    typeof p.version !== 'string' ||
    !Array.isArray(p.extensions)
  ) {
    throw new Error(
      `${name} is not an Okno plugin: its default export must come from definePlugin()`,
    );
  }
  if (p.name !== name) {
    throw new Error(`${name} calls itself ${p.name}: a plugin's name is its package name`);
  }
  return p as Plugin;
}
