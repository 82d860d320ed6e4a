import { createHash, pbkdf2Sync } from 'node:crypto';

/** Keycloak's default work factor for PBKDF2-SHA512. */
const ITERATIONS = 210_000;
const KEY_BYTES = 64;

/**
 * A demo person's password as Keycloak stores it (PBKDF2-SHA512), not in plain text:
 * Keycloak applies the realm's password policy to plain-text passwords even on import, and
 * demo passwords (= the username) would never pass it. The salt is derived from the username
 * so the generated file is stable from run to run; these are demo accounts, never real ones.
 */
export function keycloakPasswordCredential(username: string, password: string) {
  const salt = createHash('sha256').update(`okno-demo-salt:${username}`).digest().subarray(0, 16);
  const hash = pbkdf2Sync(password, salt, ITERATIONS, KEY_BYTES, 'sha512');
  return {
    type: 'password',
    userLabel: 'demo password (= username)',
    temporary: false,
    secretData: JSON.stringify({
      value: hash.toString('base64'),
      salt: salt.toString('base64'),
      additionalParameters: {},
    }),
    credentialData: JSON.stringify({
      hashIterations: ITERATIONS,
      algorithm: 'pbkdf2-sha512',
      additionalParameters: {},
    }),
  };
}
