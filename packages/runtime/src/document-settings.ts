import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, isDevelopment } from '@okno/config';
import { generateSigningKey, type SigningJwk } from '@okno/crypto';
import type { DocumentsSettings, PaymentsSettings } from '@okno/http';
import type { NodeEnv } from './env';

const SigningKeys = z
  .array(
    z.object({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      kid: z.string().regex(/^[\w-]{4,64}$/),
      x: z.string().min(40),
      y: z.string().min(40),
      d: z.string().min(40),
    }),
  )
  .min(1);

/**
 * The keys result documents are signed with: OKNO_SIGNING_KEYS, a JSON array of private
 * ES256 JWKs, the current first (rotation: prepend a new key; old ones keep verifying). A
 * development node without it makes one on first start, kept owner-only in the data folder.
 */
export function loadSigningKeys(env: NodeEnv): { keys: SigningJwk[]; source: string } {
  const parse = (text: string, source: string) => {
    try {
      return { keys: SigningKeys.parse(JSON.parse(text)), source };
    } catch (error) {
      throw new ConfigError([
        `${source}: not a JSON array of ES256 private JWKs with kid (${(error as Error).message.slice(0, 200)})`,
      ]);
    }
  };
  if (env.OKNO_SIGNING_KEYS) return parse(env.OKNO_SIGNING_KEYS, 'OKNO_SIGNING_KEYS');
  if (!isDevelopment(env)) throw new ConfigError(['OKNO_SIGNING_KEYS: is required in production']);
  const path = join(env.OKNO_DATA_DIR, 'signing-keys.json');
  if (!existsSync(path)) {
    mkdirSync(env.OKNO_DATA_DIR, { recursive: true });
    writeFileSync(path, `${JSON.stringify([generateSigningKey()])}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return parse(readFileSync(path, 'utf8'), path);
}

/** How the documents service takes uploads and signs results, from the node's settings. */
export function documentsSettings(env: NodeEnv): DocumentsSettings {
  return {
    maxFileBytes: env.OKNO_UPLOAD_MAX_BYTES,
    quotaBytes: env.OKNO_UPLOAD_QUOTA_BYTES,
    acceptUnscanned: isDevelopment(env),
    signingKeys: loadSigningKeys(env).keys,
    publicUrl: publicUrl(env),
  };
}

/** A development node's UIN prefix: not any real participant's code (see docs/payments.md). */
export const DEVELOPMENT_UIN_PREFIX = '00000000';

/** How the payments service makes UINs and sends payers back. */
export function paymentsSettings(env: NodeEnv): PaymentsSettings {
  return { uinPrefix: env.OKNO_UIN_PREFIX ?? DEVELOPMENT_UIN_PREFIX, publicUrl: publicUrl(env) };
}

const publicUrl = (env: NodeEnv) =>
  (env.OKNO_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
