// Measures memory while a large upload streams through the documents service: a 100 MB PDF
// sent over real HTTP on loopback, inspected, hashed, scanned (when a clamd is given) and
// stored, while the process's resident set size is sampled every 10 ms. Flat means the peak
// stays near the baseline, however large the file. Not a test: run it with `pnpm bench:services` and
// record the figures in docs/performance.md.
//
//   BENCH_UPLOAD_MB=100                 the file's size
//   BENCH_CLAMD_ADDRESS=127.0.0.1:3310  scan it with a real clamd too
//   BENCH_S3_URL=http://key:secret@127.0.0.1:7070   store it in S3-compatible storage
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { readEnv } from '@okno/config';
import { generateDataKey, generateSigningKey, keyring } from '@okno/crypto';
import { createDb, migrate } from '@okno/db';
import { createLogger } from '@okno/http';
import { clamdScanner } from '@okno/plugin-antivirus-clamav/scanner';
import { collectExtensions, definePlugin, extend } from '@okno/plugin-sdk';
import { createNodeApp } from '@okno/runtime';
import { localFolderStorage } from '@okno/storage';
import { openTestBucket } from '@okno/storage/testing';
import { createTestIssuer, testRegion } from '@okno/testing';
import { z } from 'zod';
import { documentsService } from '../src/app';

const env = readEnv(
  z.object({
    BENCH_UPLOAD_MB: z.coerce.number().int().positive().default(100),
    BENCH_CLAMD_ADDRESS: z.string().optional(),
    BENCH_S3_URL: z.string().optional(),
  }),
);
const size = env.BENCH_UPLOAD_MB * 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'okno-upload-bench-'));
const database = await createDb({ dataDir: join(dir, 'db') });
await migrate(database);
const issuer = await createTestIssuer();
const bucket = env.BENCH_S3_URL ? await openTestBucket(env.BENCH_S3_URL) : null;
const storage = bucket?.storage ?? (await localFolderStorage(join(dir, 'files')));
const [clamdHost, clamdPort] = env.BENCH_CLAMD_ADDRESS?.split(':') ?? [];
const scanner =
  clamdHost && clamdPort ? clamdScanner({ host: clamdHost, port: Number(clamdPort) }) : null;
const app = createNodeApp({
  region: testRegion(issuer.region),
  nodeVersion: 'bench',
  services: [documentsService],
  database,
  verifier: issuer.verifier(),
  keyring: keyring([generateDataKey('bench')]),
  storage,
  documents: {
    maxFileBytes: size + 2 ** 20,
    quotaBytes: 4 * size,
    acceptUnscanned: scanner === null,
    signingKeys: [generateSigningKey()],
    publicUrl: 'http://127.0.0.1',
  },
  extensions: collectExtensions(
    scanner
      ? [
          definePlugin({
            name: 'bench-clamd',
            version: '1',
            extensions: [extend('documents.antivirus-scanner', scanner)],
          }),
        ]
      : [],
  ),
  logger: createLogger({ name: 'bench', level: 'silent' }),
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
const token = await issuer.sign({ sub: 'bench-citizen', roles: ['citizen'] });

/** A valid PDF of `bytes`, made 64 KiB at a time as it is sent: the client holds none of it. */
function pdfStream(bytes: number, seed: number): ReadableStream<Uint8Array> {
  const head = Buffer.from(`%PDF-1.7\n%${seed}\n`, 'latin1');
  const tail = Buffer.from('\ntrailer\n<< >>\n%%EOF\n', 'latin1');
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent = head.length;
      } else if (sent < bytes - tail.length) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - tail.length - sent));
        controller.enqueue(part);
        sent += part.length;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

async function upload(bytes: number, seed: number) {
  const response = await fetch(
    `http://127.0.0.1:${port}/api/documents/documents?fileName=big.pdf`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: pdfStream(bytes, seed),
      duplex: 'half',
    },
  );
  if (response.status !== 201)
    throw new Error(`upload: ${response.status} ${await response.text()}`);
  return (await response.json()) as { sizeBytes: number; sha256: string };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
await upload(2 ** 20, 0); // warm up: modules loaded, pools open
global.gc?.();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 10);
const started = performance.now();
const stored = await upload(size, 1);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

console.log(
  `\n## Streamed upload (${storage.kind} storage${scanner ? ', scanned by clamd' : ', not scanned'})\n`,
);
console.log('| File | Time | Throughput | RSS before | Peak RSS | Growth | Peak heap |');
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| ${mb(stored.sizeBytes)} MiB | ${seconds.toFixed(1)} s | ${mb(stored.sizeBytes / seconds)} MiB/s | ` +
    `${mb(baseline.rss)} MiB | ${mb(peakRss)} MiB | ${mb(peakRss - baseline.rss)} MiB | ${mb(peakHeap)} MiB |`,
);

server.close();
await database.close();
await issuer.close();
await bucket?.close();
rmSync(dir, { recursive: true, force: true });
