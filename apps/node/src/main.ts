import { runNode } from '@okno/runtime';
import packageJson from '../package.json' with { type: 'json' };
import { allServices } from './services';

await runNode({ name: 'okno-node', version: packageJson.version, services: allServices });
