import { CompactSign, compactVerify, importJWK, type JWTVerifyGetKey } from 'jose';
import type { SigningJwk } from '@okno/crypto';

/** A signed statement that a context's chain had reached `seq` with `hash`. */
export interface Checkpoint {
  context: string;
  seq: number;
  hash: string;
  /** Compact JWS (ES256) over {context, seq, hash}. */
  jws: string;
}

const TYPE = 'okno-audit-checkpoint';

/** Signs a checkpoint with the node's current key (the first). */
export async function signCheckpoint(
  head: Omit<Checkpoint, 'jws'>,
  keys: readonly SigningJwk[],
): Promise<Checkpoint> {
  const [current] = keys;
  if (!current) throw new Error('no signing key for audit checkpoints');
  const key = await importJWK(current, 'ES256');
  const payload = { context: head.context, seq: head.seq, hash: head.hash };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', kid: current.kid, typ: TYPE })
    .sign(key);
  return { ...payload, jws };
}

/**
 * Whether a checkpoint's signature is good and says what its row says. `keys` resolves the
 * signer's public key by `kid`, e.g. `createLocalJWKSet` or `createRemoteJWKSet` over the
 * node's /api/documents/jwks.json.
 */
export async function checkpointHolds(
  checkpoint: Checkpoint,
  keys: JWTVerifyGetKey,
): Promise<boolean> {
  try {
    const { payload, protectedHeader } = await compactVerify(checkpoint.jws, keys, {
      algorithms: ['ES256'],
    });
    if (protectedHeader.typ !== TYPE) return false;
    const signed = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    return (
      signed['context'] === checkpoint.context &&
      signed['seq'] === checkpoint.seq &&
      signed['hash'] === checkpoint.hash
    );
  } catch {
    return false;
  }
}
