import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJwtVerifier, remoteKeys, type TokenVerifier } from '@okno/auth';
import { demoUsers, describeRealm, RegionConfig, withDevelopmentClient } from '@okno/realm';
import {
  createEmbeddedProvider,
  generateSecrets,
  memoryAccounts,
  type ProviderSecrets,
} from '../src';

export const realm = withDevelopmentClient(
  describeRealm(
    RegionConfig.parse({
      code: 'RU-KEM',
      name: { ru: 'Кузбасс', en: 'Kuzbass' },
      portal: { redirectUris: ['http://localhost:5173/cb'], webOrigins: ['http://localhost:5173'] },
      partners: [{ clientId: 'partner-bank', name: 'Bank', roles: ['partner-bank'] }],
    }),
  ),
);

export interface ProviderServer {
  issuer: string;
  secrets: ProviderSecrets;
  /** Verifies exactly as a node verifies Keycloak's tokens: over HTTP, from the JWKS endpoint. */
  verifier: TokenVerifier;
  close(): Promise<void>;
}

/** The embedded provider alone on a loopback HTTP server, for the realm above. */
export async function startProviderServer(): Promise<ProviderServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/ru-kem`;
  const secrets = await generateSecrets(['okno-services', 'partner-bank']);
  const provider = createEmbeddedProvider({
    realm,
    issuer,
    secrets,
    accounts: memoryAccounts(demoUsers),
    development: true,
  });
  server.on('request', (req, res) => {
    if (req.url?.startsWith(provider.mountPath)) return provider.handle(req, res);
    res.statusCode = 404;
    res.end();
  });
  return {
    issuer,
    secrets,
    verifier: createJwtVerifier({
      issuer,
      audience: 'okno',
      region: 'RU-KEM',
      keys: remoteKeys(new URL(`${issuer}/protocol/openid-connect/certs`)),
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
