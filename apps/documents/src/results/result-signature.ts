import { FlattenedSign, importJWK } from 'jose';
import type { SigningJwk } from '@okno/crypto';

/** The protected header of a result's signature: which key, which document, where to check. */
export type ResultSignatureHeader = {
  alg: 'ES256';
  kid: string;
  typ: 'okno-result+jws';
  /** The document's id at the node. */
  okno_doc: string;
  /** The node's public verification page for it: revocation is checked there. */
  okno_verify: string;
};

/**
 * Signs a result document: a JWS (RFC 7515) whose payload is the document's SHA-256 digest,
 * serialised with the payload detached (`header..signature`, appendix F), so the signature
 * travels apart from the PDF and any JOSE library verifies it once given the digest.
 */
export async function signResult(
  sha256Hex: string,
  key: SigningJwk,
  document: { id: string; verificationUrl: string },
): Promise<string> {
  const privateKey = await importJWK({ ...key, alg: 'ES256' }, 'ES256');
  const header: ResultSignatureHeader = {
    alg: 'ES256',
    kid: key.kid,
    typ: 'okno-result+jws',
    okno_doc: document.id,
    okno_verify: document.verificationUrl,
  };
  const jws = await new FlattenedSign(Buffer.from(sha256Hex, 'hex'))
    .setProtectedHeader(header)
    .sign(privateKey);
  return `${jws.protected}..${jws.signature}`;
}

/** The node's public keys as a JWKS: every key still trusted, without its private part. */
export const publicJwks = (keys: readonly SigningJwk[]) => ({
  keys: keys.map(({ kty, crv, kid, x, y }) => ({ kty, crv, kid, x, y, alg: 'ES256', use: 'sig' })),
});
