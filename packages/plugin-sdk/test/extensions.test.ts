import { describe, expect, it } from 'vitest';
import {
  asPlugin,
  collectExtensions,
  definePlugin,
  extend,
  type Extension,
  type RegistryConnector,
} from '../src';

const connector = (id: string): RegistryConnector => ({
  id,
  registries: 'any',
  request: () => Promise.resolve({ kind: 'pending', checkAgainInMs: 1000 }),
});

describe('extensions', () => {
  it('lists implementations of a point in the order the plugins were given', () => {
    const first = definePlugin({
      name: 'first',
      version: '1.0.0',
      extensions: [extend('applications.registry-connector', connector('a'))],
    });
    const second = definePlugin({
      name: 'second',
      version: '2.0.0',
      extensions: [extend('applications.registry-connector', connector('b'))],
    });
    const extensions = collectExtensions([first, second]);
    expect(extensions.of('applications.registry-connector').map((c) => c.id)).toEqual(['a', 'b']);
    expect(extensions.plugins).toEqual([
      { name: 'first', version: '1.0.0' },
      { name: 'second', version: '2.0.0' },
    ]);
  });

  it('refuses an extension for a point this node does not offer', () => {
    const future = {
      point: 'notifications.channel',
      implementation: {},
    } as unknown as Extension;
    expect(() =>
      collectExtensions([{ name: 'vendor-bank', version: '1.0.0', extensions: [future] }]),
    ).toThrow(/vendor-bank extends "notifications.channel", which this node does not offer/);
  });

  it('accepts a module whose default export is a plugin of that name, and nothing else', () => {
    const plugin = definePlugin({ name: 'acme-smev', version: '1.0.0', extensions: [] });
    expect(asPlugin('acme-smev', { default: plugin })).toBe(plugin);
    expect(() => asPlugin('acme-smev', { connector: {} })).toThrow(/not an Okno plugin/);
    expect(() => asPlugin('acme-smev', null)).toThrow(/not an Okno plugin/);
    expect(() => asPlugin('other-name', { default: plugin })).toThrow(/calls itself acme-smev/);
  });
});
