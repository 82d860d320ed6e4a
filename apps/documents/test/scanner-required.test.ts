import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '@okno/crypto';
import { noExtensions } from '@okno/plugin-sdk';
import { testRegion } from '@okno/testing';
import { documentsService } from '../src/app';
import { testStorages } from './test-storages';

describe('a node without an antivirus scanner', () => {
  const deps = async (acceptUnscanned: boolean) => ({
    db: {} as never,
    verifier: null,
    region: testRegion(),
    storage: (await testStorages[0]!.open()).storage,
    extensions: noExtensions,
    documents: {
      maxFileBytes: 1024,
      quotaBytes: 4096,
      acceptUnscanned,
      signingKeys: [generateSigningKey()],
      publicUrl: 'http://127.0.0.1',
    },
  });

  it('refuses to start in production, saying which plugin it needs', async () => {
    const production = await deps(false);
    expect(() => documentsService.create(production)).toThrow(
      /no antivirus scanner[\s\S]*documents\.antivirus-scanner plugin in OKNO_PLUGINS/,
    );
  });

  it('starts in development, where uploads are marked not-scanned', async () => {
    const app = documentsService.create(await deps(true));
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
