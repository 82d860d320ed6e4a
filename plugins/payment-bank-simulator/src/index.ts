import { randomBytes } from 'node:crypto';
import { definePlugin, extend } from '@okno/plugin-sdk';
import packageJson from '../package.json' with { type: 'json' };
import { bankSimulator } from './bank-simulator';

export {
  BANK_SIMULATOR_ID,
  bankSimulator,
  SIGNATURE_HEADER,
  type BankSimulatorOptions,
} from './bank-simulator';
export type { NoticeBody } from './notice-body';

/**
 * Listed in OKNO_PLUGINS (the default of a development node). Refused in production. The
 * "bank" and the node's verifier are the same object, so the secret is made fresh for each
 * process and never configured.
 */
export default definePlugin({
  name: packageJson.name,
  version: packageJson.version,
  developmentOnly: true,
  extensions: [
    extend('payments.provider', bankSimulator({ secret: randomBytes(32).toString('hex') })),
  ],
});
