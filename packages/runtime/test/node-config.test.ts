import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import { encryptField, formatKeyring, generateDataKey, decryptField } from '@okno/crypto';
import { loadDataKeys } from '../src/data-keys';
import { nodeEnv } from '../src/env';

const dataDir = mkdtempSync(join(tmpdir(), 'okno-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('node configuration', () => {
  it('refuses production without a token issuer and data keys, naming both', () => {
    expect(() => parseEnv(nodeEnv, { NODE_ENV: 'production' })).toThrow(
      /OIDC_ISSUER: is required in production[\s\S]*OKNO_DATA_KEYS: is required in production/,
    );
  });

  it('refuses a malformed keyring without echoing it', () => {
    const env = parseEnv(nodeEnv, {
      OKNO_DATA_KEYS: 'k1:c2hvcnQ=c2hvcnQ=c2hvcnQ=c2hvcnQ=c2hvcnQ=',
    });
    expect(() => loadDataKeys(env)).toThrow(/OKNO_DATA_KEYS: key "k1" is \d+ bytes/);
  });

  it('takes production keys from OKNO_DATA_KEYS', () => {
    const text = formatKeyring([generateDataKey('2026'), generateDataKey('2025')]);
    const env = parseEnv(nodeEnv, {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://sso.example.ru/realms/ru-kem',
      OKNO_DATA_KEYS: text,
    });
    expect(loadDataKeys(env).keyring.primary.id).toBe('2026');
  });

  it('makes development keys once, owner-readable only, and keeps them across restarts', () => {
    const env = parseEnv(nodeEnv, { OKNO_DATA_DIR: dataDir });
    const first = loadDataKeys(env);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    const sealed = encryptField(first.keyring, 'Петров', 'ctx');
    expect(decryptField(loadDataKeys(env).keyring, sealed, 'ctx')).toBe('Петров');
  });
});
