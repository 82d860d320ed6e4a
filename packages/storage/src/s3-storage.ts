import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { checkKey, type ByteRange, type ObjectStorage } from './object-storage';

export interface S3StorageOptions {
  /** An S3-compatible endpoint (`https://storage.region.example`); AWS's own when absent. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle?: boolean;
  /** Create the bucket if it is missing (development and tests; production provisions it). */
  createBucket?: boolean;
}

/** Parts of a multipart upload: at most two in flight, so memory stays bounded (~16 MiB). */
const PART_BYTES = 8 * 1024 * 1024;

/** Production storage: any S3-compatible object store, through AWS SDK v3. */
export async function s3Storage(options: S3StorageOptions): Promise<ObjectStorage> {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint && { endpoint: options.endpoint }),
    forcePathStyle: options.forcePathStyle ?? true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const Bucket = options.bucket;
  if (options.createBucket) await ensureBucket(client, Bucket);

  return {
    kind: 's3',
    async put(key, body, { contentType }) {
      // A failed stream aborts the multipart upload (its parts are removed), and a body
      // smaller than one part is sent only once it has ended whole: nothing partial is kept.
      const upload = new Upload({
        client,
        params: { Bucket, Key: checkKey(key), Body: body, ContentType: contentType },
        partSize: PART_BYTES,
        queueSize: 2,
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async get(key, range?: ByteRange) {
      try {
        const res = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: checkKey(key),
            ...(range && { Range: `bytes=${range.start}-${range.end}` }),
          }),
        );
        return res.Body as Readable | undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return head.ContentLength;
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async list(prefix) {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      }
      return keys.sort();
    },
  };
}

async function ensureBucket(client: S3Client, Bucket: string) {
  try {
    await client.send(new HeadBucketCommand({ Bucket }));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    await client.send(new CreateBucketCommand({ Bucket }));
  }
}
