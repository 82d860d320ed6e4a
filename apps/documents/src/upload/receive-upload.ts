import { PassThrough, Readable } from 'node:stream';
import type { AntivirusScanner } from '@okno/plugin-sdk';
import type { ObjectStorage, StorageKey } from '@okno/storage';
import type { AcceptedType } from './accepted-types';
import { UploadInspector, UploadRefused, type Inspected } from './upload-inspector';

export interface ReceivedUpload extends Inspected {
  /** `clean:<scanner>` or `not-scanned` (development nodes without a scanner only). */
  scan: string;
}

export interface UploadLimits {
  maxBytes: number;
  /** What the client said the file is; a different content is refused. */
  declared?: AcceptedType;
}

/**
 * Streams an upload once: through the inspector (size, type, SHA-256) and on to storage and
 * the antivirus scanner side by side, so the file is never held in memory and never read
 * twice. Resolves once storage holds the whole file and the scanner called it clean; on any
 * refusal or failure (too large, wrong type, infected, scanner down, client gone) the object
 * is deleted before the error is thrown, so storage keeps nothing of it.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array>,
  key: StorageKey,
  storage: ObjectStorage,
  scanner: AntivirusScanner | null,
  limits: UploadLimits,
): Promise<ReceivedUpload> {
  const source = Readable.fromWeb(body);
  const inspector = new UploadInspector(limits.maxBytes, limits.declared);
  const toStorage = new PassThrough();
  const toScanner = scanner ? new PassThrough() : null;
  const abort = new AbortController();

  let failure: Error | undefined;
  const fail = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    abort.abort(error);
    for (const stream of [source, inspector, toStorage, toScanner]) stream?.destroy(failure);
  };
  // Every stream reports to `fail`, which keeps the first error and stops the rest.
  for (const stream of [source, inspector, toStorage, toScanner]) stream?.on('error', fail);
  // One source, two readers: `pipe` pauses the source until both have taken each chunk.
  source.pipe(inspector);
  inspector.pipe(toStorage);
  if (toScanner) inspector.pipe(toScanner);

  const stored = storage.put(key, toStorage, { contentType: 'application/octet-stream' });
  const scanned = scanner && toScanner ? scanner.scan(toScanner, { signal: abort.signal }) : null;
  // 'close' as well: a destroyed inspector never ends.
  const ended = new Promise<void>((resolve) => {
    inspector.once('end', resolve);
    inspector.once('close', resolve);
  });
  stored.catch(fail);
  scanned?.then(
    // A scanner that answers before reading everything must not stall the upload.
    () => toScanner?.resume(),
    (error: unknown) =>
      fail(
        new UploadRefused(
          'not-scanned',
          `The file could not be scanned for viruses: ${message(error)}`,
        ),
      ),
  );

  const outcome = await Promise.allSettled([stored, scanned, ended]);
  const verdict = outcome[1].status === 'fulfilled' ? outcome[1].value : null;
  const inspected = inspector.inspected;
  if (failure === undefined && verdict && !verdict.clean) {
    failure = new UploadRefused(
      'infected',
      `The file carries ${verdict.signature}; it was not accepted.`,
    );
  }
  if (failure !== undefined || !inspected) {
    await storage.delete(key);
    throw failure ?? new Error('the upload ended without being inspected');
  }
  return { ...inspected, scan: scanner ? `clean:${scanner.id}` : 'not-scanned' };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
