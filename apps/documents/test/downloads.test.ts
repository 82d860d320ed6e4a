import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { documentsHarness, type DocumentsHarness } from './documents-harness';
import { pdfOfSize } from './samples';
import { testStorages, type TestStorage } from './test-storages';

const owner = { sub: 'citizen-downloads', roles: ['citizen'] };
const stranger = { sub: 'citizen-stranger', roles: ['citizen'] };
const file = pdfOfSize(100_000);

describe.each(testStorages)(`downloads from $name on ${testDatabaseKind}`, (kind) => {
  let storage: TestStorage;
  let h: DocumentsHarness;
  let id: string;
  let path: string;
  beforeAll(async () => {
    storage = await kind.open();
    h = await documentsHarness({ storage, scanner: null });
    const uploaded = await h.upload(owner, file, {
      fileName: 'Свидетельство о рождении\r\nX-Evil: 1.pdf',
    });
    id = ((await uploaded.json()) as { id: string }).id;
    path = `/documents/${id}/content`;
  });
  afterAll(async () => {
    await h.close();
    await storage.close();
  });

  it('sends the whole file with its hash as ETag and a safe file name', async () => {
    const response = await h.call(owner, 'GET', path);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(file);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    const disposition = response.headers.get('content-disposition');
    expect(disposition).toBe(
      `attachment; filename="????????????? ? ???????? X-Evil 1.pdf"; filename*=UTF-8''${encodeURIComponent('Свидетельство о рождении X-Evil 1.pdf')}`,
    );
    const unchanged = await h.call(owner, 'GET', path, { headers: { 'if-none-match': etag! } });
    expect(unchanged.status).toBe(304);
  });

  it('sends a byte range, and refuses one outside the file', async () => {
    const part = await h.call(owner, 'GET', path, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(file.subarray(1000, 2000));
    const tail = await h.call(owner, 'GET', path, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(file.subarray(file.length - 10));

    const outside = await h.call(owner, 'GET', path, { headers: { range: 'bytes=200000-' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${file.length}`);
    expect(outside.headers.get('content-type')).toBe('application/problem+json');
    // A range of another version of the file (If-Range mismatch): the whole file instead.
    const stale = await h.call(owner, 'GET', path, {
      headers: { range: 'bytes=0-9', 'if-range': '"0000"' },
    });
    expect(stale.status).toBe(200);
  });

  it("hides another applicant's document as not found", async () => {
    expect((await h.call(stranger, 'GET', path)).status).toBe(404);
    expect((await h.call(stranger, 'GET', `/documents/${id}`)).status).toBe(404);
    const wallet = (await (await h.call(stranger, 'GET', '/documents')).json()) as {
      items: unknown[];
    };
    expect(wallet.items).toEqual([]);
    expect((await h.app.request(path)).status).toBe(401);
  });
});
