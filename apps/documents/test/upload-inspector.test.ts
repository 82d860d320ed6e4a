import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UploadInspector, UploadRefused } from '../src/upload/upload-inspector';
import { samples } from './samples';

/** Runs bytes through an inspector into a sink, as an upload into storage. */
async function inspect(bytes: Buffer, maxBytes = 1_000_000, declared?: 'application/pdf') {
  const inspector = new UploadInspector(maxBytes, declared);
  let received = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done();
    },
  });
  // Small chunks, as a network delivers them.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
    bytes.subarray(i * 1000, (i + 1) * 1000),
  );
  await pipeline(Readable.from(chunks), inspector, sink);
  return { inspected: inspector.inspected, received };
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof UploadRefused ? error.reason : error),
  );

describe('inspecting an upload as it streams', () => {
  it('passes PDF, JPEG and PNG through, typed by content, sized and hashed', async () => {
    for (const [bytes, mediaType] of [
      [samples.pdf, 'application/pdf'],
      [samples.jpeg, 'image/jpeg'],
      [samples.png, 'image/png'],
    ] as const) {
      const { inspected, received } = await inspect(bytes);
      expect(inspected).toEqual({
        mediaType,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(received).toBe(bytes.length);
    }
  });

  it('refuses a PNG sent as a PDF', async () => {
    expect(await refusal(inspect(samples.png, 1_000_000, 'application/pdf'))).toBe('type-mismatch');
  });

  it('refuses archives, a zip bomb among them, from their first bytes', async () => {
    expect(await refusal(inspect(samples.zipBomb))).toBe('type-not-accepted');
  });

  it('refuses what is of no accepted type, such as plain text', async () => {
    expect(await refusal(inspect(samples.eicar))).toBe('type-not-accepted');
  });

  it('refuses an empty file', async () => {
    expect(await refusal(inspect(Buffer.alloc(0)))).toBe('empty');
  });

  it('stops a file over the limit as soon as it crosses it', async () => {
    const big = Buffer.concat([samples.pdf, Buffer.alloc(50_000)]);
    const inspector = new UploadInspector(20_000);
    let received = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done();
      },
    });
    const chunks = Array.from({ length: 60 }, (_, i) => big.subarray(i * 1000, (i + 1) * 1000));
    await expect(pipeline(Readable.from(chunks), inspector, sink)).rejects.toMatchObject({
      reason: 'too-large',
      message: 'The file is larger than 19.5 KiB.',
    });
    expect(received).toBeLessThanOrEqual(20_000);
  });
});
