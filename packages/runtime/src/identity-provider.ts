import { createJwtVerifier, remoteKeys, type TokenVerifier } from '@okno/auth';
import { ConfigError, isDevelopment } from '@okno/config';
import type { Database } from '@okno/db';
import type { Logger, NativeRoute, PeopleDirectorySettings } from '@okno/http';
import { createEmbeddedProvider, loadOrCreateSecrets } from '@okno/oidc-embedded';
import { accountStore } from '@okno/oidc-embedded/accounts';
import {
  describeRealm,
  embeddedClients,
  PEOPLE_CLIENT_ID,
  developmentRegionConfig,
  loadRegionConfig,
  withDevelopmentClient,
  type RegionConfig,
} from '@okno/realm';
import type { NodeEnv } from './env';

export interface NodeIdentity {
  /** Verifies bearer tokens; null when no provider is configured (every token refused). */
  verifier: TokenVerifier | null;
  /** The embedded OpenID provider, when this node serves one. */
  provider?: NativeRoute & { issuer: string };
  /** Where imported staff are written so they can sign in; absent: staff imports refused. */
  people?: PeopleDirectorySettings;
}

/** Who signs in to a development node nobody has been imported into yet. */
const firstAdministrator = {
  username: 'admin',
  firstName: 'Администратор',
  lastName: 'узла',
  roles: ['regional-admin'],
  enabled: true,
};

/**
 * Who vouches for callers: the region's Keycloak when OIDC_ISSUER is set (production always),
 * otherwise the embedded OpenID provider, mounted in this node at /realms/<region>, whose
 * tokens are verified with its keys in memory rather than over HTTP.
 */
export async function setUpIdentity(
  env: NodeEnv,
  logger: Logger,
  db: Database,
): Promise<NodeIdentity> {
  if (env.OIDC_ISSUER) {
    const jwksUrl = env.OIDC_JWKS_URL ?? `${env.OIDC_ISSUER}/protocol/openid-connect/certs`;
    logger.info({ issuer: env.OIDC_ISSUER }, 'accepting tokens of the region OpenID provider');
    return {
      verifier: createJwtVerifier({
        issuer: env.OIDC_ISSUER,
        audience: env.OIDC_AUDIENCE,
        region: env.OKNO_REGION,
        keys: remoteKeys(new URL(jwksUrl)),
      }),
      ...(env.OKNO_PEOPLE_CLIENT_SECRET && {
        people: keycloakPeople(env.OIDC_ISSUER, env.OKNO_PEOPLE_CLIENT_SECRET),
      }),
    };
  }
  if (!isDevelopment(env)) return { verifier: null };

  const publicUrl = (env.OKNO_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const region = regionConfig(env, publicUrl);
  const realm = withDevelopmentClient(describeRealm(region));
  const machineClients = embeddedClients(realm).flatMap((c) =>
    c.kind === 'machine' ? [c.clientId] : [],
  );
  const { secrets, path } = await loadOrCreateSecrets(env.OKNO_DATA_DIR, machineClients);
  const accounts = accountStore(db);
  // Like Keycloak's bootstrap administrator: someone to import the region's people as.
  if ((await accounts.list(1)).length === 0) {
    await accounts.save(firstAdministrator);
    logger.warn(
      { username: firstAdministrator.username },
      'nobody could sign in: made the first regional administrator, admin (password admin)',
    );
  }
  const provider = createEmbeddedProvider({
    realm,
    issuer: `${publicUrl}/realms/${realm.name}`,
    secrets,
    accounts,
    development: true,
  });
  logger.info(
    { issuer: provider.issuer, clientSecrets: path },
    'embedded OpenID provider (development only): people sign in with password = username',
  );
  return {
    verifier: createJwtVerifier({
      issuer: provider.issuer,
      audience: realm.audience,
      region: env.OKNO_REGION,
      keys: provider.keys,
    }),
    provider: { path: provider.mountPath, handle: provider.handle, issuer: provider.issuer },
    people: { kind: 'embedded' },
  };
}

/** The admin API of the Keycloak whose realm is the issuer (`https://kc/realms/ru-tom`). */
function keycloakPeople(issuer: string, clientSecret: string): PeopleDirectorySettings {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer);
  if (!match?.[1] || !match[2]) {
    throw new ConfigError([
      `OKNO_PEOPLE_CLIENT_SECRET: OIDC_ISSUER (${issuer}) is not a Keycloak realm URL (…/realms/<realm>)`,
    ]);
  }
  return {
    kind: 'keycloak',
    url: match[1],
    realm: match[2],
    clientId: PEOPLE_CLIENT_ID,
    clientSecret,
  };
}

function regionConfig(env: NodeEnv, publicUrl: string): RegionConfig {
  if (!env.OKNO_REGION_CONFIG) return developmentRegionConfig(env.OKNO_REGION, publicUrl);
  let config: RegionConfig;
  try {
    config = loadRegionConfig(env.OKNO_REGION_CONFIG);
  } catch (error) {
    throw new ConfigError([`OKNO_REGION_CONFIG: ${(error as Error).message}`]);
  }
  if (config.code !== env.OKNO_REGION) {
    throw new ConfigError([
      `OKNO_REGION_CONFIG: describes ${config.code}, but OKNO_REGION is ${env.OKNO_REGION}`,
    ]);
  }
  return config;
}
