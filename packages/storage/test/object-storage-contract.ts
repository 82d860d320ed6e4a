import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStorage } from '../src';

/** What every storage must do, run against each implementation on real software. */
export function describeObjectStorage(
  name: string,
  open: () => Promise<{
    storage: ObjectStorage;
    /** Uploads begun and neither finished nor aborted (S3's multipart uploads). */
    unfinishedUploads?: () => Promise<number>;
    close: () => Promise<void>;
  }>,
) {
  describe(`object storage: ${name}`, () => {
    let storage: ObjectStorage;
    let close: () => Promise<void>;
    let unfinishedUploads: () => Promise<number> = () => Promise.resolve(0);
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      const opened = await open();
      ({ storage, close } = opened);
      if (opened.unfinishedUploads) unfinishedUploads = opened.unfinishedUploads;
    });
    afterAll(() => close());

    const read = async (stream: Readable | undefined) => {
      if (!stream) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    /**
     * `total` bytes made as they are read, in 64 KiB chunks; after `failAfter` bytes the client
     * goes away, a moment later (so that parts already sent have arrived).
     */
    const generated = (total: number, failAfter?: number) => {
      let sent = 0;
      const hash = createHash('sha256');
      const stream = new Readable({
        read() {
          if (failAfter !== undefined && sent >= failAfter) {
            setTimeout(() => this.destroy(new Error('the client went away')), 500);
            return;
          }
          if (sent >= total) {
            this.push(null);
            return;
          }
          const chunk = Buffer.alloc(Math.min(65_536, total - sent), sent % 251);
          sent += chunk.length;
          hash.update(chunk);
          this.push(chunk);
        },
      });
      return { stream, digest: () => hash.digest('hex') };
    };

    it('keeps what it was given, whole or by range', async () => {
      const key = `${prefix}/whole`;
      const bytes = randomBytes(100_000);
      await storage.put(key, Readable.from([bytes]), { contentType: 'application/pdf' });
      expect(await storage.size(key)).toBe(100_000);
      expect((await read(await storage.get(key)))?.equals(bytes)).toBe(true);
      const slice = await read(await storage.get(key, { start: 10, end: 19 }));
      expect(slice?.equals(bytes.subarray(10, 20))).toBe(true);
      expect(await storage.list(prefix)).toEqual([key]);
    });

    it('streams an object larger than a multipart part', async () => {
      const key = `${prefix}/large`;
      const body = generated(20 * 1024 * 1024);
      await storage.put(key, body.stream, { contentType: 'application/pdf' });
      expect(await storage.size(key)).toBe(20 * 1024 * 1024);
      const hash = createHash('sha256');
      for await (const chunk of (await storage.get(key))!) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(body.digest());
      await storage.delete(key);
      expect(await storage.size(key)).toBeUndefined();
    });

    it('leaves nothing behind when the stream fails, small or past a part', async () => {
      for (const [total, failAfter] of [
        [1_000_000, 300_000],
        [30 * 1024 * 1024, 12 * 1024 * 1024],
      ] as const) {
        const key = `${prefix}/broken-${total}`;
        await expect(
          storage.put(key, generated(total, failAfter).stream, { contentType: 'image/png' }),
        ).rejects.toThrow();
        expect(await storage.size(key)).toBeUndefined();
      }
      expect(await storage.list(`${prefix}/broken`)).toEqual([]);
      expect(await unfinishedUploads()).toBe(0);
    });

    it('answers absent for what is not there, and deletes it quietly', async () => {
      expect(await storage.get(`${prefix}/none`)).toBeUndefined();
      expect(await storage.size(`${prefix}/none`)).toBeUndefined();
      await storage.delete(`${prefix}/none`);
    });

    it('takes only keys the server made', async () => {
      for (const key of ['../etc/passwd', 'Passport.pdf', '/abs', 'a//b', '']) {
        await expect(storage.size(key)).rejects.toThrow(/not a storage key/);
      }
    });
  });
}
