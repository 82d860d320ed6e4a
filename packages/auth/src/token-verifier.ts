import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
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
  /** Where signing keys come from: `createRemoteJWKSet(url)` in production. */
  keys: JWTVerifyGetKey;
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
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          clockTolerance: 5,
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
  const region = payload['region'];
  if (region !== nodeRegion) {
    throw new AuthenticationError(`token was issued for another region`);
  }
  return {
    subject: payload.sub,
    region,
    roles: rolesOf(payload),
    ...optionalString('agency', payload['agency']),
    ...optionalString('office', payload['office']),
    ...optionalString('clientId', payload['azp'] ?? payload['client_id']),
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
  if (error instanceof errors.JOSEError) return 'token is malformed';
  return 'token could not be verified';
}
