import { describe } from 'vitest';
import { openTestBucket } from '../src/testing';
import { describeObjectStorage } from './object-storage-contract';

// A real S3-compatible server (CI starts versitygw): TEST_S3_URL=http://key:secret@host:port
const url = process.env['TEST_S3_URL'];

if (url) {
  describeObjectStorage('S3-compatible (versitygw)', async () => {
    const bucket = await openTestBucket(url);
    return {
      storage: bucket.storage,
      unfinishedUploads: async () => (await bucket.unfinishedUploads()).length,
      close: bucket.close,
    };
  });
} else {
  describe.skip('object storage: S3-compatible (TEST_S3_URL not set)', () => undefined);
}
