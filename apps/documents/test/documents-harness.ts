import { generateSigningKey } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import type { DocumentsSettings, EventSubscription, ServiceCaller } from '@okno/http';
import { collectExtensions, definePlugin, extend, type AntivirusScanner } from '@okno/plugin-sdk';
// The scanner alone: the plugin's entry reads OKNO_CLAMD_ADDRESS, which tests do not set.
import { clamdScanner } from '@okno/plugin-antivirus-clamav/scanner';
import {
  createTestDatabase,
  createTestIssuer,
  testRegion,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { createDocumentsApp, documentsService } from '../src/app';
import type { TestStorage } from './test-storages';

/** The real ClamAV daemon CI starts (TEST_CLAMD_ADDRESS=host:port), if this run has one. */
export function testScanner(): AntivirusScanner | null {
  const address = process.env['TEST_CLAMD_ADDRESS'];
  if (!address) return null;
  const [host, port] = address.split(':');
  return clamdScanner({ host: host!, port: Number(port) });
}

export interface DocumentsHarness {
  handle: DatabaseHandle;
  issuer: TestIssuer;
  app: ReturnType<typeof createDocumentsApp>;
  settings: DocumentsSettings;
  /** The service's subscriptions, as the node wires them to the event bus. */
  subscriptions: readonly EventSubscription[];
  /** Sends a file as the body of POST /documents. */
  upload(
    claims: TokenClaims,
    content: Uint8Array,
    options?: { fileName?: string; contentType?: string; title?: string },
  ): Promise<Response>;
  call(claims: TokenClaims, method: string, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function documentsHarness(options: {
  storage: TestStorage;
  scanner: AntivirusScanner | null;
  maxFileBytes?: number;
  quotaBytes?: number;
  callService?: ServiceCaller;
  publicUrl?: string;
}): Promise<DocumentsHarness> {
  const handle = await createTestDatabase();
  const issuer = await createTestIssuer();
  const settings: DocumentsSettings = {
    maxFileBytes: options.maxFileBytes ?? 2 ** 20,
    quotaBytes: options.quotaBytes ?? 8 * 2 ** 20,
    acceptUnscanned: options.scanner === null,
    signingKeys: [generateSigningKey()],
    publicUrl: options.publicUrl ?? 'https://gosuslugi.example.ru',
  };
  const scanners = options.scanner
    ? [
        definePlugin({
          name: 'test-scanner',
          version: '1',
          extensions: [extend('documents.antivirus-scanner', options.scanner)],
        }),
      ]
    : [];
  const deps = {
    db: handle.db,
    verifier: issuer.verifier(),
    region: testRegion(issuer.region),
    storage: options.storage.storage,
    documents: settings,
    extensions: collectExtensions(scanners),
    ...(options.callService && { callService: options.callService }),
  };
  const app = createDocumentsApp(deps);
  const call: DocumentsHarness['call'] = async (claims, method, path, init = {}) =>
    app.request(path, {
      ...init,
      method,
      headers: { authorization: `Bearer ${await issuer.sign(claims)}`, ...init.headers },
    });
  return {
    handle,
    issuer,
    app,
    settings,
    subscriptions: documentsService.subscriptions?.(deps) ?? [],
    call,
    upload: (claims, content, { fileName, contentType, title } = {}) => {
      const query = new URLSearchParams({
        ...(fileName && { fileName }),
        ...(title && { title }),
      });
      return call(claims, 'POST', `/documents?${query.toString()}`, {
        body: content,
        headers: { 'content-type': contentType ?? 'application/octet-stream' },
      });
    },
    async close() {
      await handle.close();
      await issuer.close();
    },
  };
}
