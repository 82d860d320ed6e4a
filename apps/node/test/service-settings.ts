import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '@okno/crypto';
import type { DocumentsSettings, PaymentsSettings } from '@okno/http';
import { localFolderStorage } from '@okno/storage';

/**
 * What the documents and payments services need in a test node: a folder for bytes, upload
 * limits and a signing key; a UIN prefix.
 */
export async function serviceSettings() {
  const documents: DocumentsSettings = {
    maxFileBytes: 2 ** 20,
    quotaBytes: 8 * 2 ** 20,
    acceptUnscanned: true,
    signingKeys: [generateSigningKey()],
    publicUrl: 'http://127.0.0.1',
  };
  const payments: PaymentsSettings = { uinPrefix: '10042200', publicUrl: 'http://127.0.0.1' };
  return {
    storage: await localFolderStorage(mkdtempSync(join(tmpdir(), 'okno-node-test-'))),
    documents,
    payments,
  };
}
