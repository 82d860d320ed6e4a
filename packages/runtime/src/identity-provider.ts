import { createJwtVerifier, remoteKeys, type TokenVerifier } from '@okno/auth';
import { ConfigError, isDevelopment } from '@okno/config';
import type { Logger, NativeRoute } from '@okno/http';
import { createEmbeddedProvider, loadOrCreateSecrets } from '@okno/oidc-embedded';
import {
  demoUsers,
  describeRealm,
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
}

/**
 * Who vouches for callers: the region's Keycloak when OIDC_ISSUER is set (production always),
 * otherwise the embedded OpenID provider, mounted in this node at /realms/<region>, whose
 * tokens are verified with its keys in memory rather than over HTTP.
 */
export async function setUpIdentity(env: NodeEnv, logger: Logger): Promise<NodeIdentity> {
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
    };
  }
  if (!isDevelopment(env)) return { verifier: null };

  const publicUrl = (env.OKNO_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const region = regionConfig(env, publicUrl);
  const realm = withDevelopmentClient(describeRealm(region));
  const machineClients = realm.clients.flatMap((c) => (c.kind === 'machine' ? [c.clientId] : []));
  const { secrets, path } = await loadOrCreateSecrets(env.OKNO_DATA_DIR, machineClients);
  const provider = createEmbeddedProvider({
    realm,
    issuer: `${publicUrl}/realms/${realm.name}`,
    secrets,
    users: demoUsers,
    development: true,
  });
  logger.info(
    { issuer: provider.issuer, clientSecrets: path },
    'embedded OpenID provider (development only): demo users sign in with password = username',
  );
  return {
    verifier: createJwtVerifier({
      issuer: provider.issuer,
      audience: realm.audience,
      region: env.OKNO_REGION,
      keys: provider.keys,
    }),
    provider: { path: provider.mountPath, handle: provider.handle, issuer: provider.issuer },
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
