import { randomBytes } from 'node:crypto';
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe } from 'vitest';
import { s3Storage } from '../src';
import { describeObjectStorage } from './object-storage-contract';

// A real S3-compatible server (CI starts versitygw): TEST_S3_URL=http://key:secret@host:port
const url = process.env['TEST_S3_URL'];

if (url) {
  const { origin, username, password } = new URL(url);
  const bucket = `okno-test-${randomBytes(4).toString('hex')}`;
  const credentials = {
    accessKeyId: decodeURIComponent(username),
    secretAccessKey: decodeURIComponent(password),
  };
  const client = new S3Client({
    endpoint: origin,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
  });
  describeObjectStorage('S3-compatible (versitygw)', async () => ({
    storage: await s3Storage({
      endpoint: origin,
      region: 'us-east-1',
      bucket,
      ...credentials,
      createBucket: true,
    }),
    async unfinishedUploads() {
      const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      return (uploads.Uploads ?? []).length;
    },
    close: () => Promise.resolve(client.destroy()),
  }));
} else {
  describe.skip('object storage: S3-compatible (TEST_S3_URL not set)', () => undefined);
}
