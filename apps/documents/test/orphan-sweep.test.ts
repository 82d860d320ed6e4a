import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingUploads } from '@okno/db/documents';
import { testDatabaseKind } from '@okno/testing';
import { ORPHAN_AFTER_MS, sweepOrphans } from '../src/upload/orphan-sweep';
import { documentsHarness, type DocumentsHarness } from './documents-harness';
import { testStorages, type TestStorage } from './test-storages';

describe(`the orphan sweep on ${testDatabaseKind}`, () => {
  let storage: TestStorage;
  let h: DocumentsHarness;
  beforeAll(async () => {
    storage = await testStorages[0]!.open();
    h = await documentsHarness({ storage, scanner: null });
  });
  afterAll(async () => {
    await h.close();
    await storage.close();
  });

  it('removes what a crashed upload left, and leaves uploads under way alone', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const crashed = 'documents/crashed';
    const running = 'documents/running';
    for (const key of [crashed, running]) {
      await storage.storage.put(key, Readable.from([Buffer.from('%PDF-partial')]), {
        contentType: 'application/octet-stream',
      });
    }
    await h.handle.db.insert(pendingUploads).values([
      { storageKey: crashed, startedAt: new Date(now.getTime() - ORPHAN_AFTER_MS - 1000) },
      { storageKey: running, startedAt: new Date(now.getTime() - 60_000) },
    ]);
    expect(await sweepOrphans(h.handle.db, storage.storage, now)).toEqual({ removed: 1 });
    expect(await storage.storage.list('documents/')).toEqual([running]);
    const left = await h.handle.db.select().from(pendingUploads);
    expect(left.map((row) => row.storageKey)).toEqual([running]);
  });
});
