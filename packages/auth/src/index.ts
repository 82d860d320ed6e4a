export { AuthenticationError } from './auth-error';
export { canReach, type RecordOwnership } from './object-access';
export { hasAnyRole, hasRole, hasScope, type Principal } from './principal';
export * from './roles';
export {
  acceptedAlgorithms,
  createJwtVerifier,
  remoteKeys,
  type JwtVerifierOptions,
  type TokenVerifier,
} from './token-verifier';
export { createLocalJWKSet } from 'jose';
