import { describe, expect, it } from 'vitest';
import { ConfigError } from '@okno/config';
import { definePlugin, extend } from '@okno/plugin-sdk';
import { loadPlugins } from '../src/plugins';

const connector = extend('applications.registry-connector', {
  id: 'acme.smev',
  registries: ['tax-service'],
  request: () => Promise.resolve({ kind: 'pending', checkAgainInMs: 1000 }),
});
const modules: Record<string, unknown> = {
  '@acme/okno-smev': {
    default: definePlugin({ name: '@acme/okno-smev', version: '1.2.0', extensions: [connector] }),
  },
  '@okno/plugin-registry-demo': {
    default: definePlugin({
      name: '@okno/plugin-registry-demo',
      version: '0.1.0',
      developmentOnly: true,
      extensions: [connector],
    }),
  },
  'left-pad': { default: (s: string) => s },
};
const importPlugin = (name: string) =>
  name in modules
    ? Promise.resolve(modules[name])
    : Promise.reject(new Error(`Cannot find package '${name}'`));

describe('loading plugins', () => {
  it('loads the plugins named, in order', async () => {
    const extensions = await loadPlugins(['@acme/okno-smev'], importPlugin, true);
    expect(extensions.plugins).toEqual([{ name: '@acme/okno-smev', version: '1.2.0' }]);
    expect(extensions.of('applications.registry-connector').map((c) => c.id)).toEqual([
      'acme.smev',
    ]);
  });

  it('refuses to start with every plugin that is missing, not a plugin, or not for production', async () => {
    const attempt = loadPlugins(
      ['@acme/okno-smvv', 'left-pad', '@okno/plugin-registry-demo'],
      importPlugin,
      true,
    );
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    const problems = await attempt.catch((e: ConfigError) => e.problems);
    expect(problems).toEqual([
      "OKNO_PLUGINS: @acme/okno-smvv: Cannot find package '@acme/okno-smvv'",
      'OKNO_PLUGINS: left-pad: left-pad is not an Okno plugin: its default export must come from definePlugin()',
      'OKNO_PLUGINS: @okno/plugin-registry-demo is for development only and cannot run in production',
    ]);
  });

  it('lets a development node load the demo plugins', async () => {
    const extensions = await loadPlugins(['@okno/plugin-registry-demo'], importPlugin, false);
    expect(extensions.plugins).toHaveLength(1);
  });
});
