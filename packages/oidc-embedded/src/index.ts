export { demoSubject } from '@okno/realm';
export {
  createEmbeddedProvider,
  OKNO_RESOURCE,
  type EmbeddedProvider,
  type EmbeddedProviderOptions,
} from './embedded-provider';
export { generateSecrets, loadOrCreateSecrets, type ProviderSecrets } from './provider-keys';
