export { AuthenticationError } from './auth-error';
export { hasRole, type Principal } from './principal';
export { createJwtVerifier, type JwtVerifierOptions, type TokenVerifier } from './token-verifier';
export { createRemoteJWKSet } from 'jose';
