import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createJwtVerifier, remoteKeys, type TokenVerifier } from '@okno/auth';

export interface TestIssuer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly region: string;
  /** Signs an access token as the region's OpenID provider would. */
  sign(claims: TokenClaims, options?: { expiresIn?: string; issuer?: string }): Promise<string>;
  /** A verifier that trusts this issuer, as a node configured with it would. */
  verifier(): TokenVerifier;
  close(): Promise<void>;
}

export interface TokenClaims {
  sub: string;
  roles?: string[];
  region?: string;
  agency?: string;
  office?: string;
  aud?: string;
  [claim: string]: unknown;
}

/**
 * A real token issuer for tests: an ES256 key pair and a JWKS served over HTTP on loopback,
 * so services verify tokens exactly as they verify Keycloak's.
 */
export async function createTestIssuer(
  options: { region?: string; audience?: string } = {},
): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const region = options.region ?? 'RU-KEM';
  const audience = options.audience ?? 'okno';
  const issuer = `${base}/realms/test`;
  return {
    issuer,
    jwksUrl: `${base}/realms/test/protocol/openid-connect/certs`,
    audience,
    region,
    async sign(claims, signOptions = {}) {
      const { sub, aud, ...rest } = claims;
      return new SignJWT({ region, ...rest })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setSubject(sub)
        .setIssuer(signOptions.issuer ?? issuer)
        .setAudience(aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? '5m')
        .sign(privateKey);
    },
    verifier: () =>
      createJwtVerifier({
        issuer,
        audience,
        region,
        keys: remoteKeys(new URL(`${base}/realms/test/protocol/openid-connect/certs`)),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
