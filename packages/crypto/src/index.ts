export { decryptField, DecryptionError, encryptField, keyIdOf } from './field-cipher';
export {
  formatKeyring,
  generateDataKey,
  keyring,
  parseKeyring,
  type DataKey,
  type Keyring,
} from './keyring';
export { generateSigningKey, type SigningJwk } from './signing-key';
export {
  blindIndex,
  blindIndexes,
  IDENTITY_DOCUMENT_CONTEXT,
  identityDocumentValue,
} from './blind-index';
