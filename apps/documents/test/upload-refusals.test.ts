import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { documentsHarness, testScanner, type DocumentsHarness } from './documents-harness';
import { pdfCarryingEicar, pdfOfSize, samples } from './samples';
import { testStorages, type TestStorage } from './test-storages';

const citizen = { sub: 'citizen-uploads', roles: ['citizen'] };
const scanner = testScanner();
const LIMIT = 256 * 1024;

interface Problem {
  type: string;
  status: number;
  detail: string;
  reason: string;
}

describe.each(testStorages)(`uploads to $name on ${testDatabaseKind}`, (kind) => {
  let storage: TestStorage;
  let h: DocumentsHarness;
  beforeAll(async () => {
    storage = await kind.open();
    h = await documentsHarness({ storage, scanner, maxFileBytes: LIMIT });
  });
  afterAll(async () => {
    await h.close();
    await storage.close();
  });

  /** Sends it, expects the refusal, and checks that storage kept nothing of it. */
  async function expectRefused(
    response: Response,
    status: number,
    reason: string | string[],
    detail: RegExp,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem).toMatchObject({ type: 'urn:okno:problem:upload-refused', status });
    expect([reason].flat()).toContain(problem.reason);
    expect(problem.detail).toMatch(detail);
    expect(await storage.leftovers()).toEqual([]);
    const wallet = (await (await h.call(citizen, 'GET', '/documents')).json()) as {
      items: unknown[];
    };
    expect(wallet.items).toEqual([]);
  }

  it('refuses a PNG renamed .pdf', async () => {
    await expectRefused(
      await h.upload(citizen, samples.png, {
        fileName: 'passport.pdf',
        contentType: 'application/pdf',
      }),
      415,
      'type-mismatch',
      /image\/png by its content, not the application\/pdf/,
    );
    // The name alone claims it too, when the client sends no type.
    await expectRefused(
      await h.upload(citizen, samples.png, { fileName: 'passport.pdf' }),
      415,
      'type-mismatch',
      /image\/png/,
    );
  });

  it('refuses a file over the limit, declared or found out while streaming', async () => {
    const big = pdfOfSize(LIMIT + 1);
    await expectRefused(
      await h.call(citizen, 'POST', '/documents', {
        body: big,
        headers: { 'content-type': 'application/pdf', 'content-length': String(big.length) },
      }),
      413,
      'too-large',
      /larger than 256 KiB/,
    );
    // No length given: the limit is found while the bytes arrive, after some were stored.
    const chunks = [big.subarray(0, 200_000), big.subarray(200_000)];
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    await expectRefused(
      await h.call(citizen, 'POST', '/documents', {
        body: streamed,
        headers: { 'content-type': 'application/pdf' },
        duplex: 'half',
      }),
      413,
      'too-large',
      /larger than 256 KiB/,
    );
  });

  it('refuses a zip bomb without expanding it', async () => {
    await expectRefused(
      await h.upload(citizen, samples.zipBomb, { fileName: 'scans.pdf' }),
      415,
      'type-not-accepted',
      /application\/zip by its content; only PDF, JPEG and PNG/,
    );
  });

  it('refuses a zero-byte file', async () => {
    await expectRefused(
      await h.upload(citizen, new Uint8Array(0), { fileName: 'empty.pdf' }),
      422,
      'empty',
      /empty/,
    );
  });

  it.runIf(scanner)('refuses a PDF carrying the EICAR test string (clamd)', async () => {
    await expectRefused(
      await h.upload(citizen, pdfCarryingEicar, { fileName: 'statement.pdf' }),
      422,
      'infected',
      /Okno\.Test\.EICAR/,
    );
  });

  it('refuses the bare EICAR file, which is not a document either', async () => {
    // Whichever of the scanner and the type check finishes first gives the reason.
    const response = await h.upload(citizen, samples.eicar, { fileName: 'eicar.pdf' });
    const infected = scanner && response.status === 422;
    await expectRefused(
      response,
      infected ? 422 : 415,
      infected ? 'infected' : 'type-not-accepted',
      infected ? /Okno\.Test\.EICAR/ : /no recognisable type/,
    );
  });

  it('keeps a clean PDF, its type and hash from the content', async () => {
    const response = await h.upload(citizen, samples.pdf, {
      fileName: '../../etc/Паспорт "скан".PDF',
      title: 'Паспорт',
    });
    expect(response.status).toBe(201);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document).toMatchObject({
      kind: 'uploaded',
      title: 'Паспорт',
      fileName: 'Паспорт скан.pdf',
      mediaType: 'application/pdf',
      sizeBytes: samples.pdf.length,
      scan: scanner ? 'clean:okno.clamav' : 'not-scanned',
    });
    expect(response.headers.get('location')).toBe(`/documents/${String(document['id'])}`);
    expect(await storage.storage.list('documents/')).toEqual([
      `documents/${String(document['id'])}`,
    ]);
    // The same bytes again (a retry after a lost response) find the same document.
    const again = await h.upload(citizen, samples.pdf, { fileName: 'passport.pdf' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(document['id']);
    expect(await storage.storage.list('documents/')).toHaveLength(1);
  });
});
