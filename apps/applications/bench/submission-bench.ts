// Measures submitting applications: at an MFC counter (one request), on the portal (a draft,
// then the submit step), a satellite retry replayed, and the applicant reading the status;
// one request at a time (p50/p95/p99) and at saturation (requests per second). Not a test:
// run it with `pnpm bench:services` and record the figures in docs/performance.md.
//
//   BENCH_DATABASE_URL=postgres://...   run on PostgreSQL instead of the embedded PGlite
//   BENCH_SECONDS=10 BENCH_CONCURRENCY=16
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { catalogueService } from '@okno/catalogue';
import { readEnv } from '@okno/config';
import { generateDataKey, keyring } from '@okno/crypto';
import { createDb, migrate, queryRows } from '@okno/db';
import { createLogger } from '@okno/http';
import { createNodeApp } from '@okno/runtime';
import {
  benchReport,
  createTestIssuer,
  saturation,
  sequentialLatency,
  testRegion,
  type BenchRow,
  type RequestMaker,
} from '@okno/testing';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { applicationsService } from '../src/app';

const env = readEnv(
  z.object({
    BENCH_SECONDS: z.coerce.number().positive().default(10),
    BENCH_CONCURRENCY: z.coerce.number().int().positive().default(16),
    BENCH_DATABASE_URL: z.string().optional(),
  }),
);
const { BENCH_SECONDS: seconds, BENCH_CONCURRENCY: concurrency } = env;

const dataDir = env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'okno-bench-'));
const handle = await createDb({ databaseUrl: env.BENCH_DATABASE_URL, dataDir });
await migrate(handle);
await catalogueService.seedDemo?.(handle.db);
const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(
  handle.db,
  sql`select version()`,
);

// The node as production composes it (catalogue and applications in one process, tokens
// verified, personal data sealed), on loopback.
const issuer = await createTestIssuer();
const app = createNodeApp({
  region: testRegion(issuer.region),
  nodeVersion: 'bench',
  services: [catalogueService, applicationsService],
  database: handle,
  verifier: issuer.verifier(),
  keyring: keyring([generateDataKey('bench')]),
  logger: createLogger({ name: 'bench', level: 'silent' }),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/applications`;

const officer = await issuer.sign({
  sub: 'bench-mfc-officer',
  roles: ['mfc-officer'],
  agency: 'mfc',
  office: 'mfc-kemerovo-central',
});
const citizens = await Promise.all(
  Array.from({ length: 32 }, (_, i) =>
    issuer.sign({ sub: `bench-citizen-${i}`, roles: ['citizen'] }),
  ),
);
const formData = (i: number) => ({
  fullName: 'Анна Петрова',
  childName: `Ребёнок ${i}`,
  bankAccount: String(40817810000000000000n + BigInt(i)).padStart(20, '0'),
});
const post = (path: string, token: string, body: unknown, key?: string) => ({
  url: base + path,
  init: {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key && { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  },
});

const counter =
  (run: string): RequestMaker =>
  (i) =>
    post(
      '/counter/applications',
      officer,
      {
        serviceCode: 'unified-child-allowance',
        applicant: {
          fullName: 'Анна Петрова',
          identityDocument: { kind: 'passport-rf', number: `3200 ${100000 + i}` },
        },
        formData: formData(i),
      },
      `${run}-${i}`,
    );
const citizenOf = (i: number) => citizens[i % citizens.length]!;
const draft: RequestMaker = (i) =>
  post('/applications', citizenOf(i), {
    serviceCode: 'unified-child-allowance',
    formData: formData(i),
  });

/** Drafts made beforehand for the submit step to submit, by whom. */
async function makeDrafts(n: number): Promise<{ id: string; token: string }[]> {
  const drafts: { id: string; token: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const { url, init } = draft(i);
        const res = await fetch(url, init);
        drafts.push({ id: ((await res.json()) as { id: string }).id, token: citizenOf(i) });
      }
    }),
  );
  return drafts;
}
const submitting =
  (drafts: readonly { id: string; token: string }[]): RequestMaker =>
  (i) => {
    const d = drafts[i];
    if (!d) throw new Error('the bench ran out of drafts: raise their number');
    return post(`/applications/${d.id}/steps`, d.token, { step: 'submit' });
  };

const rows: BenchRow[] = [];
const started = performance.now();
rows.push([
  'MFC counter: take in and submit (one request)',
  await sequentialLatency(counter('seq'), 300, { expect: [201], warmUp: 20 }),
  await saturation(counter('sat'), concurrency, seconds, { expect: [201] }),
]);
rows.push([
  'satellite retry: the same Idempotency-Key again (replayed)',
  await sequentialLatency((i) => counter('seq')(i % 300), 300, { expect: [201] }),
  await saturation((i) => counter('seq')(i % 300), concurrency, seconds, { expect: [201] }),
]);
rows.push([
  'portal: create a complete draft',
  await sequentialLatency(draft, 300, { expect: [201], warmUp: 20 }),
  await saturation(draft, concurrency, seconds, { expect: [201] }),
]);
const drafts = await makeDrafts(300 + Math.ceil(seconds * 400));
rows.push([
  'portal: submit a draft (validated, numbered)',
  await sequentialLatency(submitting(drafts), 300),
  await saturation(submitting(drafts.slice(300)), concurrency, seconds),
]);
const reads: RequestMaker = (i) => {
  const d = drafts[i % 300]!;
  return {
    url: `${base}/applications/${d.id}`,
    init: { headers: { authorization: `Bearer ${d.token}` } },
  };
};
rows.push([
  "the applicant reads their application's status",
  await sequentialLatency(reads, 300, { warmUp: 20 }),
  await saturation(reads, concurrency, seconds),
]);
const elapsed = ((performance.now() - started) / 1000).toFixed(0);

console.log(`\nApplications benchmark (${elapsed} s)`);
console.log(
  benchReport({
    database: `${handle.kind} (${version.split(',')[0]})`,
    concurrency,
    seconds,
    rows,
  }),
);

server.close();
await handle.close();
await issuer.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
