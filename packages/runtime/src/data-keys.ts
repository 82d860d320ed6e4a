import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKeyring, generateDataKey, parseKeyring, type Keyring } from '@okno/crypto';
import { ConfigError, isDevelopment } from '@okno/config';
import type { NodeEnv } from './env';

/**
 * The keys personal data is encrypted with: OKNO_DATA_KEYS (required in production, from the
 * region's secret store). A development node without it makes its own on first start and
 * keeps it in the data folder, readable by the owner only; no key is ever a constant.
 */
export function loadDataKeys(env: NodeEnv): { keyring: Keyring; source: string } {
  if (env.OKNO_DATA_KEYS) {
    try {
      return { keyring: parseKeyring(env.OKNO_DATA_KEYS), source: 'OKNO_DATA_KEYS' };
    } catch (error) {
      throw new ConfigError([`OKNO_DATA_KEYS: ${(error as Error).message}`]);
    }
  }
  if (!isDevelopment(env)) throw new ConfigError(['OKNO_DATA_KEYS: is required in production']);
  const path = join(env.OKNO_DATA_DIR, 'data-keys');
  if (!existsSync(path)) {
    mkdirSync(env.OKNO_DATA_DIR, { recursive: true });
    const id = `dev${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    writeFileSync(path, `${formatKeyring([generateDataKey(id)])}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return { keyring: parseKeyring(readFileSync(path, 'utf8').trim()), source: path };
}
