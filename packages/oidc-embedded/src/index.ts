export { demoSubject } from '@okno/realm';
export { memoryAccounts, type Account, type Accounts } from './accounts';
export {
  createEmbeddedProvider,
  OKNO_RESOURCE,
  type EmbeddedProvider,
  type EmbeddedProviderOptions,
} from './embedded-provider';
export { generateSecrets, loadOrCreateSecrets, type ProviderSecrets } from './provider-keys';
