import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** The embedded provider's secrets: its signing key, cookie keys and machine-client secrets. */
export interface ProviderSecrets {
  signingKeys: JWK[];
  cookieKeys: string[];
  /** client_id → client_secret for each confidential (machine) client. */
  clientSecrets: Record<string, string>;
}

/** Fresh random secrets: nothing is a default, every node has its own. */
export async function generateSecrets(
  machineClientIds: readonly string[],
): Promise<ProviderSecrets> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return {
    signingKeys: [{ ...jwk, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') }],
    cookieKeys: [randomBytes(32).toString('base64url')],
    clientSecrets: Object.fromEntries(
      machineClientIds.map((id) => [id, randomBytes(32).toString('base64url')]),
    ),
  };
}

/**
 * Secrets kept in the node's data folder (owner-only file), so tokens and client secrets
 * survive restarts. Created on first start; a client added later gets a secret then.
 */
export async function loadOrCreateSecrets(
  dataDir: string,
  machineClientIds: readonly string[],
): Promise<{ secrets: ProviderSecrets; path: string }> {
  const path = join(dataDir, 'oidc-secrets.json');
  let secrets: ProviderSecrets;
  if (existsSync(path)) {
    secrets = JSON.parse(readFileSync(path, 'utf8')) as ProviderSecrets;
    const missing = machineClientIds.filter((id) => !secrets.clientSecrets[id]);
    if (missing.length === 0) return { secrets, path };
    const fresh = await generateSecrets(missing);
    secrets = { ...secrets, clientSecrets: { ...secrets.clientSecrets, ...fresh.clientSecrets } };
  } else {
    secrets = await generateSecrets(machineClientIds);
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { secrets, path };
}
