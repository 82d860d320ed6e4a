import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** An ES256 private key as a JWK, with the id verifiers find it by. */
export interface SigningJwk {
  kty: 'EC';
  crv: 'P-256';
  kid: string;
  x: string;
  y: string;
  d: string;
}

/** A fresh ES256 key; its id is random, so keys of different nodes never share one. */
export function generateSigningKey(): SigningJwk {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y, d } = privateKey.export({ format: 'jwk' });
  if (!x || !y || !d) throw new Error('node:crypto exported an incomplete P-256 key');
  return { kty: 'EC', crv: 'P-256', kid: `okno-${randomBytes(6).toString('hex')}`, x, y, d };
}
