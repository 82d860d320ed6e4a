import { definePlugin, extend } from '@okno/plugin-sdk';
import packageJson from '../package.json' with { type: 'json' };
import { demoRegistryConnector } from './demo-registry-connector';

export { demoRegistryConnector, type DemoRegistryOptions } from './demo-registry-connector';

/** Listed in OKNO_PLUGINS (the default of a development node). Refused in production. */
export default definePlugin({
  name: packageJson.name,
  version: packageJson.version,
  developmentOnly: true,
  extensions: [extend('applications.registry-connector', demoRegistryConnector())],
});
