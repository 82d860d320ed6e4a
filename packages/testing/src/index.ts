export {
  createEmptyPostgresDatabase,
  createTestDatabase,
  testDatabaseKind,
  testDatabaseUrl,
} from '@okno/db/testing';
export { createTestIssuer, type TestIssuer, type TokenClaims } from './test-issuer';
export { BrowserSession, pkcePair } from './browser-session';
export { testRegion } from './test-region';
export * from './http-probe';
export { KeycloakAdmin } from './keycloak-admin';
export { passwordGrantClaims, passwordGrantToken } from './password-grant';
export { freePort, startNodeProcess, type NodeProcess } from './node-process';
