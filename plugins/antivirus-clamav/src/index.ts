import { definePlugin, extend } from '@okno/plugin-sdk';
import packageJson from '../package.json' with { type: 'json' };
import { clamdScanner } from './clamd-scanner';
import { clamdAddressFromEnv } from './env';

export { clamdScanner, verdictOf, type ClamdAddress } from './clamd-scanner';

/** Listed in OKNO_PLUGINS with OKNO_CLAMD_ADDRESS set to where clamd listens. */
export default definePlugin({
  name: packageJson.name,
  version: packageJson.version,
  extensions: [extend('documents.antivirus-scanner', clamdScanner(clamdAddressFromEnv()))],
});
