import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import Provider, {
  errors,
  type ClientMetadata,
  type Configuration,
  type ResourceServer,
} from 'oidc-provider';
import { embeddedClients, type ClientModel, type RealmModel } from '@okno/realm';
import type { Accounts } from './accounts';
import { keycloakRoutes } from './keycloak-routes';
import { firstPartyGrant } from './first-party-grant';
import { loginInteraction } from './login-interaction';
import { errorPage } from './login-page';
import { registerPasswordGrant } from './password-grant';
import type { ProviderSecrets } from './provider-keys';
import { machineClaims, personClaims } from './token-claims';

/** The resource indicator of Okno's API; its tokens are JWTs with `aud: okno`. */
export const OKNO_RESOURCE = 'urn:okno:api';

export interface EmbeddedProviderOptions {
  realm: RealmModel;
  /** `<public URL of the node>/realms/<realm>`: the `iss` of every token. */
  issuer: string;
  secrets: ProviderSecrets;
  /** The people who can sign in (development only): the node's database, or a test's list. */
  accounts: Accounts;
  /** Enables the password grant for the `password` client; refused in production. */
  development: boolean;
}

export interface EmbeddedProvider {
  readonly issuer: string;
  /** The path prefix it answers under: `/realms/<realm>`. */
  readonly mountPath: string;
  /** Handles a request whose URL starts with `mountPath`. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Its public keys, so the node verifies tokens without calling itself over HTTP. */
  readonly keys: JWTVerifyGetKey;
}

/**
 * The embedded default's OpenID provider, built on panva's certified `oidc-provider` and
 * configured from the same realm model as the region's Keycloak: same URLs (under
 * `/realms/<realm>`), same clients, same claims. Development only: a production node uses
 * Keycloak.
 */
export function createEmbeddedProvider(options: EmbeddedProviderOptions): EmbeddedProvider {
  if (!options.development) {
    throw new Error(
      'The embedded OpenID provider is for development only; in production set OIDC_ISSUER to the region Keycloak realm.',
    );
  }
  const { realm, secrets } = options;
  const { accounts } = options;
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  // Keycloak's sign-in pages live under login-actions too.
  const interactionUrl = (uid: string) => `${mountPath}/login-actions/${uid}`;
  const webOrigins = new Map(
    realm.clients.flatMap((c) => (c.kind === 'browser' ? [[c.clientId, c.webOrigins]] : [])),
  );
  const resourceServer: ResourceServer = {
    audience: realm.audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: realm.accessTokenSeconds,
    scope: 'okno',
    jwt: { sign: { alg: 'RS256' } },
  };

  const configuration: Configuration = {
    clients: embeddedClients(realm).map((client) => clientMetadata(client, secrets)),
    jwks: { keys: secrets.signingKeys },
    cookies: { keys: secrets.cookieKeys },
    routes: keycloakRoutes,
    scopes: ['openid', 'profile', 'offline_access', 'okno'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    responseTypes: ['code'],
    interactions: { url: (_ctx, interaction) => interactionUrl(interaction.uid) },
    // Browsers may call the token endpoint from the client's web origins only, as in Keycloak.
    clientBasedCORS: (_ctx, origin, client) =>
      webOrigins.get(client.clientId)?.includes(origin) ?? false,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(String(out['error']), out['error_description']);
    },
    loadExistingGrant: (ctx) => firstPartyGrant(ctx, OKNO_RESOURCE, resourceServer.scope ?? ''),
    pkce: { required: () => true },
    ttl: {
      AccessToken: realm.accessTokenSeconds,
      ClientCredentials: realm.accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: realm.accessTokenSeconds,
      Interaction: 600,
      Session: 36_000,
      Grant: 36_000,
      RefreshToken: 1800,
    },
    features: {
      // The library's built-in login page accepts anyone: never on.
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => OKNO_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== OKNO_RESOURCE) throw new errors.InvalidTarget();
          return resourceServer;
        },
      },
    },
    findAccount: async (_ctx, subject) => {
      const user = await accounts.bySubject(subject);
      if (!user) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          preferred_username: user.username,
          given_name: user.firstName,
          family_name: user.lastName,
          name: `${user.firstName} ${user.lastName}`,
        }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind === 'ClientCredentials') return machineClaims(realm, token.clientId ?? '');
      const accountId = (token as { accountId?: string }).accountId;
      const user = accountId === undefined ? undefined : await accounts.bySubject(accountId);
      return user ? personClaims(realm, user) : { region: realm.region };
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.proxy = true;
  registerPasswordGrant(provider, {
    authenticate: async (username, password) =>
      (await accounts.authenticate(username, password))?.subject,
    resource: OKNO_RESOURCE,
    resourceServer,
  });

  const callback = provider.callback();
  const login = {
    provider,
    accounts,
    realmName: realm.displayName,
    url: interactionUrl,
  };
  const loginPath = `${mountPath}/login-actions/`;
  const publicKeys = createLocalJWKSet({
    keys: secrets.signingKeys.map(({ kty, n, e, crv, x, y, kid, alg, use }: JWK) =>
      Object.fromEntries(
        Object.entries({ kty, n, e, crv, x, y, kid, alg, use }).filter(([, v]) => v !== undefined),
      ),
    ),
  });
  return {
    issuer: options.issuer,
    mountPath,
    keys: publicKeys,
    handle(req, res) {
      // Mounted like Express mounts: the provider sees the path below the mount point and
      // derives the mount path from originalUrl, so the URLs it publishes stay right.
      const original = req.url ?? '/';
      if (original.startsWith(loginPath)) {
        loginInteraction(login, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(error instanceof Error ? error.message : 'sign-in failed');
        });
        return;
      }
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice(mountPath.length) || '/';
      void callback(req, res);
    },
  };
}

function clientMetadata(client: ClientModel, secrets: ProviderSecrets): ClientMetadata {
  switch (client.kind) {
    case 'browser':
      return {
        client_id: client.clientId,
        client_name: client.name,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...client.redirectUris],
        post_logout_redirect_uris: [...client.postLogoutRedirectUris],
      };
    case 'machine': {
      const secret = secrets.clientSecrets[client.clientId];
      if (!secret) throw new Error(`no secret for client ${client.clientId}`);
      return {
        client_id: client.clientId,
        client_name: client.name,
        client_secret: secret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      };
    }
    case 'password':
      return {
        client_id: client.clientId,
        client_name: client.name,
        token_endpoint_auth_method: 'none',
        grant_types: ['password'],
        response_types: [],
        redirect_uris: [],
      };
  }
}
