import { randomBytes } from 'node:crypto';
import { DEV_CLIENT_ID } from '@okno/realm';
import { KeycloakAdmin } from '@okno/testing';
import { requestToken, type TokenSource } from './token-source';

export interface KeycloakTestServer {
  url: string;
  adminUser: string;
  adminPassword: string;
}

/** A test client of the realm: a service account with exactly the claims a case needs. */
function testClient(clientId: string, secret: string, claims: { aud?: string; region: string }) {
  const mapper = (name: string, protocolMapper: string, config: Record<string, string>) => ({
    name,
    protocol: 'openid-connect',
    protocolMapper,
    config: { 'access.token.claim': 'true', 'id.token.claim': 'false', ...config },
  });
  return {
    clientId,
    secret,
    protocol: 'openid-connect',
    publicClient: false,
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    // No role scope: the token carries only what the mappers below put in it.
    fullScopeAllowed: false,
    attributes: { 'access.token.lifespan': clientId.endsWith('short-lived') ? '1' : '300' },
    protocolMappers: [
      mapper('region', 'oidc-hardcoded-claim-mapper', {
        'claim.name': 'region',
        'claim.value': claims.region,
        'jsonType.label': 'String',
      }),
      ...(claims.aud
        ? [mapper('audience', 'oidc-audience-mapper', { 'included.custom.audience': claims.aud })]
        : []),
    ],
  };
}

/**
 * Tokens of a real Keycloak that imported the generated development realm. The wrong-but-signed
 * ones come from test-only clients added through the admin API, each misconfigured one way.
 */
export async function keycloakTokens(server: KeycloakTestServer, realm: string, region: string) {
  const admin = await KeycloakAdmin.signIn(server.url, server.adminUser, server.adminPassword);
  const secret = randomBytes(24).toString('base64url');
  const clients = {
    withoutAudience: testClient('okno-test-no-audience', secret, { region }),
    otherAudience: testClient('okno-test-other-audience', secret, {
      region,
      aud: 'another-application',
    }),
    otherRegion: testClient('okno-test-other-region', secret, { region: 'RU-MOW', aud: 'okno' }),
    shortLived: testClient('okno-test-short-lived', secret, { region, aud: 'okno' }),
  };
  for (const client of Object.values(clients)) await admin.putClient(realm, client);

  const issuer = `${server.url}/realms/${realm}`;
  const tokenUrl = `${issuer}/protocol/openid-connect/token`;
  const serviceToken = (client: { clientId: string }) =>
    requestToken(tokenUrl, { grant_type: 'client_credentials' }, { id: client.clientId, secret });

  const source: TokenSource = {
    issuer,
    // As registered in deploy/regions/ru-kem.json.
    portalRedirectUri: 'http://localhost:3000/auth/callback',
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    person: (username) =>
      requestToken(tokenUrl, {
        grant_type: 'password',
        client_id: DEV_CLIENT_ID,
        username,
        password: username,
      }),
    partner: async (clientId) =>
      requestToken(
        tokenUrl,
        { grant_type: 'client_credentials' },
        { id: clientId, secret: await admin.clientSecret(realm, clientId) },
      ),
    withoutAudience: () => serviceToken(clients.withoutAudience),
    otherAudience: () => serviceToken(clients.otherAudience),
    otherRegion: () => serviceToken(clients.otherRegion),
    async expired() {
      const token = await serviceToken(clients.shortLived);
      // One second of life, plus the five seconds of clock tolerance the node allows.
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      return token;
    },
    // The same realm and keys reached under another host name: Keycloak (with a dynamic
    // hostname, as behind a misconfigured proxy) then issues tokens with another `iss`.
    otherIssuer: () =>
      requestToken(tokenUrl.replace('//127.0.0.1:', '//localhost:'), {
        grant_type: 'password',
        client_id: DEV_CLIENT_ID,
        username: 'citizen1',
        password: 'citizen1',
      }),
  };
  return source;
}
