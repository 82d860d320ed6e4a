/** Where the node under test is, and as whom to act: everything a scenario reads from outside. */
export const baseUrl = (__ENV['OKNO_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
/** The realm's name (the region code in lower case), on the embedded provider or Keycloak. */
export const realm = __ENV['OKNO_REALM'] ?? 'ru-kem';
/** The token endpoint: the node's embedded provider by default, or Keycloak's. */
export const tokenUrl =
  __ENV['OKNO_TOKEN_URL'] ?? `${baseUrl}/realms/${realm}/protocol/openid-connect/token`;
/** `smoke` (a few requests, for CI) or `load` (the real thing). */
export const profile = __ENV['PROFILE'] === 'load' ? 'load' : 'smoke';
