import { createPublicKey, randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { claimsOf } from './token-source';

/**
 * Tokens an attacker can make without the provider's private key, each a copy of a real
 * token's claims (fresh expiry) so that only the forgery itself can be why it is refused.
 */
export async function forgedTokens(genuine: string, jwksUrl: string) {
  const claims: JWTPayload = {
    ...claimsOf(genuine),
    exp: Math.floor(Date.now() / 1000) + 300,
    jti: randomUUID(),
  };
  const { keys } = (await (await fetch(jwksUrl)).json()) as { keys: JWK[] };
  const rsa = keys.find((k) => k.kty === 'RSA' && (k.use ?? 'sig') === 'sig');
  if (!rsa?.kid) throw new Error(`no RSA signing key at ${jwksUrl}`);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  // The classic confusion: HMAC keyed with the provider's public key, which anyone can fetch.
  const publicPem = createPublicKey({ key: rsa, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  });
  const stranger = await generateKeyPair('RS256');
  return {
    algNone: `${encode({ alg: 'none', typ: 'JWT', kid: rsa.kid })}.${encode(claims)}.`,
    hmacWithPublicKey: await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: rsa.kid })
      .sign(new TextEncoder().encode(String(publicPem))),
    unknownKeyId: await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: `rotated-${randomUUID()}` })
      .sign(stranger.privateKey),
  };
}
