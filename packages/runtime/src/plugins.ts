import { ConfigError } from '@okno/config';
import { asPlugin, collectExtensions, type Extensions, type Plugin } from '@okno/plugin-sdk';

/**
 * Imports a plugin package by name. Given by the process's entry point, so that names resolve
 * from the app that has the plugins installed (with pnpm, a package sees only its own).
 */
export type PluginImporter = (name: string) => Promise<unknown>;

/**
 * Loads the plugins a node is configured with, in order. A plugin that cannot be imported, is
 * not a plugin, extends a point this node lacks, or (in production) makes things up, stops
 * the start with a message saying which and why.
 */
export async function loadPlugins(
  names: readonly string[],
  importPlugin: PluginImporter,
  production: boolean,
): Promise<Extensions> {
  const plugins: Plugin[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      const plugin = asPlugin(name, await importPlugin(name));
      if (production && plugin.developmentOnly) {
        problems.push(`OKNO_PLUGINS: ${name} is for development only and cannot run in production`);
      } else {
        plugins.push(plugin);
      }
    } catch (error) {
      problems.push(
        `OKNO_PLUGINS: ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  try {
    return collectExtensions(plugins);
  } catch (error) {
    throw new ConfigError([`OKNO_PLUGINS: ${(error as Error).message}`]);
  }
}
