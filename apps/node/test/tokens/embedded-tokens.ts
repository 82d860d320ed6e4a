import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { DEV_CLIENT_ID } from '@okno/realm';
import { claimsOf, requestToken, type TokenSource } from './token-source';

/**
 * Tokens of the embedded provider a development node serves at `<node>/realms/<realm>`. Its
 * clients are all correctly configured, so the wrong-but-signed tokens are made with its own
 * signing key, taken from the node's data folder, as a misconfigured provider would sign them.
 */
export function embeddedTokens(nodeUrl: string, dataDir: string, realm = 'ru-kem'): TokenSource {
  const issuer = `${nodeUrl}/realms/${realm}`;
  const tokenUrl = `${issuer}/protocol/openid-connect/token`;
  const secrets = () =>
    JSON.parse(readFileSync(join(dataDir, 'oidc-secrets.json'), 'utf8')) as {
      signingKeys: JWK[];
      clientSecrets: Record<string, string>;
    };
  const person = (username: string) =>
    requestToken(tokenUrl, {
      grant_type: 'password',
      client_id: DEV_CLIENT_ID,
      username,
      password: username,
    });

  async function signedLike(change: (claims: JWTPayload) => JWTPayload): Promise<string> {
    const [key] = secrets().signingKeys;
    if (!key?.kid) throw new Error('no signing key in the data folder');
    const claims = change({ ...claimsOf(await person('citizen1')) });
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(await importJWK(key, 'RS256'));
  }

  return {
    issuer,
    // developmentRegionConfig registers the portal at the node's own public URL.
    portalRedirectUri: `${nodeUrl}/auth/callback`,
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    person,
    partner: (clientId) => {
      const secret = secrets().clientSecrets[clientId];
      if (!secret) throw new Error(`no secret for ${clientId}`);
      return requestToken(tokenUrl, { grant_type: 'client_credentials' }, { id: clientId, secret });
    },
    withoutAudience: () => signedLike(({ aud: _aud, ...claims }) => claims),
    otherAudience: () => signedLike((claims) => ({ ...claims, aud: 'another-application' })),
    otherRegion: () => signedLike((claims) => ({ ...claims, region: 'RU-MOW' })),
    expired: () =>
      signedLike((claims) => {
        const now = Math.floor(Date.now() / 1000);
        return { ...claims, iat: now - 900, exp: now - 600 };
      }),
    otherIssuer: () => signedLike((claims) => ({ ...claims, iss: `${nodeUrl}/realms/ru-mow` })),
  };
}
