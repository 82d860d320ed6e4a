import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFolderStorage, type ObjectStorage } from '@okno/storage';
import { openTestBucket } from '@okno/storage/testing';

/** A storage for a test, and a way to see everything it holds, finished or not. */
export interface TestStorage {
  storage: ObjectStorage;
  /** Every object and every unfinished upload or temporary file it holds. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StorageKind {
  name: string;
  open(): Promise<TestStorage>;
}

const local: StorageKind = {
  name: 'a local folder',
  async open() {
    const root = await mkdtemp(join(tmpdir(), 'okno-documents-'));
    return {
      storage: await localFolderStorage(root),
      // Files anywhere under the root: objects, and partial files in incoming/.
      leftovers: async () =>
        (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name)),
      close: () => rm(root, { recursive: true, force: true }),
    };
  },
};

// A real S3-compatible server (CI starts versitygw): TEST_S3_URL=http://key:secret@host:port
const s3Url = process.env['TEST_S3_URL'];

const s3: StorageKind | null = s3Url
  ? {
      name: 'S3-compatible storage (versitygw)',
      async open() {
        const bucket = await openTestBucket(s3Url);
        return {
          storage: bucket.storage,
          leftovers: async () => [
            ...(await bucket.storage.list('')),
            ...(await bucket.unfinishedUploads()).map((key) => `unfinished upload ${key}`),
          ],
          close: bucket.close,
        };
      },
    }
  : null;

/** Every storage this run can test: the local folder always, S3 when CI provides a server. */
export const testStorages: StorageKind[] = [local, ...(s3 ? [s3] : [])];
