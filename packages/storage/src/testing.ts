import { randomBytes } from 'node:crypto';
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorage } from './object-storage';
import { s3Storage } from './s3-storage';

/**
 * A fresh bucket on a real S3-compatible server for one test suite, from a URL carrying the
 * credentials (`http://key:secret@127.0.0.1:7070`, as CI's versitygw is given as TEST_S3_URL).
 */
export async function openTestBucket(url: string): Promise<{
  storage: ObjectStorage;
  /** Multipart uploads begun and never completed or aborted: parts left behind. */
  unfinishedUploads: () => Promise<string[]>;
  close: () => Promise<void>;
}> {
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
  const storage = await s3Storage({
    endpoint: origin,
    region: 'us-east-1',
    bucket,
    ...credentials,
    createBucket: true,
  });
  return {
    storage,
    async unfinishedUploads() {
      const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      return (uploads.Uploads ?? []).map((upload) => upload.Key ?? '');
    },
    close: () => Promise.resolve(client.destroy()),
  };
}
