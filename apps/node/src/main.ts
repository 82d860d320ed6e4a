import { runNode } from '@okno/runtime';
import packageJson from '../package.json' with { type: 'json' };
import { allServices } from './services';

await runNode({
  name: 'okno-node',
  version: packageJson.version,
  services: allServices,
  // Plugins resolve from this app: a region adds a vendor's package to its dependencies.
  importPlugin: (name) => import(name),
  developmentPlugins: ['@okno/plugin-registry-demo', '@okno/plugin-payment-bank-simulator'],
});
