import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import { nodeEnv } from '../src/env';
import { openStorage } from '../src/storage-config';

const dataDir = mkdtempSync(join(tmpdir(), 'okno-storage-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const s3Url = process.env['TEST_S3_URL'];

describe("the node's document storage", () => {
  it('is a folder under the data folder by default', async () => {
    const storage = await openStorage(parseEnv(nodeEnv, { OKNO_DATA_DIR: dataDir }));
    expect(storage.kind).toBe('local');
    await storage.put('config-test/one', Readable.from([Buffer.from('%PDF-')]), {
      contentType: 'application/pdf',
    });
    expect(existsSync(join(dataDir, 'documents', 'objects', 'config-test', 'one'))).toBe(true);
  });

  it('refuses S3 storage without its bucket and keys, naming each', () => {
    expect(() => parseEnv(nodeEnv, { OKNO_STORAGE: 's3' })).toThrow(
      /OKNO_S3_BUCKET: is required with OKNO_STORAGE=s3[\s\S]*OKNO_S3_ACCESS_KEY_ID: is required[\s\S]*OKNO_S3_SECRET_ACCESS_KEY: is required/,
    );
  });

  it.skipIf(!s3Url)('opens an S3-compatible bucket, made on a development node', async () => {
    const { origin, username, password } = new URL(s3Url ?? 'http://x');
    const storage = await openStorage(
      parseEnv(nodeEnv, {
        OKNO_STORAGE: 's3',
        OKNO_S3_ENDPOINT: origin,
        OKNO_S3_BUCKET: `okno-config-${randomBytes(4).toString('hex')}`,
        OKNO_S3_ACCESS_KEY_ID: decodeURIComponent(username),
        OKNO_S3_SECRET_ACCESS_KEY: decodeURIComponent(password),
      }),
    );
    expect(storage.kind).toBe('s3');
    expect(await storage.list('')).toEqual([]);
  });
});
