import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError } from './auth-error';
import type { Principal } from './principal';

export interface TokenVerifier {
  /** Verifies an access token and returns its principal; throws AuthenticationError. */
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** The node's region (ISO 3166-2); tokens for any other region are refused. */
  region: string;
  /** Where signing keys come from: `remoteKeys(url)` for Keycloak, local keys when embedded. */
  keys: JWTVerifyGetKey;
}

/** Asymmetric algorithms only: `none` and HMAC (which a public key could forge) never verify. */
export const acceptedAlgorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Seconds of clock difference tolerated between the provider and the node. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * The provider's JWKS fetched over HTTP and cached; a token with an unknown key id triggers
 * a refetch (key rotation), but at most once per cooldown, so forged kids cannot flood it.
 */
export function remoteKeys(jwksUrl: URL): JWTVerifyGetKey {
  return createRemoteJWKSet(jwksUrl, {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 5_000,
  });
}

/**
 * Verifies JWT access tokens from the region's OpenID provider (Keycloak, or the embedded
 * provider): signature against the provider's JWKS, issuer, audience, expiry, region.
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: acceptedAlgorithms,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw new AuthenticationError(describe(error));
      }
      return toPrincipal(payload, options.region);
    },
  };
}

function toPrincipal(payload: JWTPayload, nodeRegion: string): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new AuthenticationError('token has no subject');
  }
  // Keycloak marks ID and refresh tokens with `typ`; only access tokens open the API.
  const typ = payload['typ'];
  if (typeof typ === 'string' && typ !== 'Bearer') {
    throw new AuthenticationError(`a ${typ} token is not an access token`);
  }
  const region = payload['region'];
  if (region !== nodeRegion) {
    throw new AuthenticationError(`token was issued for another region`);
  }
  return {
    subject: payload.sub,
    region,
    roles: rolesOf(payload),
    scopes: typeof payload['scope'] === 'string' ? payload['scope'].split(' ').filter(Boolean) : [],
    ...optionalString('agency', payload['agency']),
    ...optionalString('office', payload['office']),
    ...optionalString('company', payload['company']),
    ...optionalString('clientId', payload['azp'] ?? payload['client_id']),
    ...optionalString('username', payload['preferred_username']),
    ...optionalString('sessionId', payload['sid']),
  };
}

/** Keycloak puts realm roles under realm_access.roles; other providers use a flat `roles`. */
function rolesOf(payload: JWTPayload): string[] {
  const realmAccess = payload['realm_access'];
  const nested =
    typeof realmAccess === 'object' && realmAccess !== null
      ? (realmAccess as { roles?: unknown }).roles
      : undefined;
  const roles = nested ?? payload['roles'];
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}

function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value !== ''
    ? ({ [key]: value } as { [P in K]: string })
    : {};
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim "${error.claim}" is invalid`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was signed by an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'token is signed with an algorithm this node does not accept';
  if (error instanceof errors.JOSEError) return 'token is malformed';
  return 'token could not be verified';
}
