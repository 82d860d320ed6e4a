// Measures the public catalogue on a 17,000-service catalogue: list, cached list and search,
// one request at a time (p50/p95) and at saturation (requests per second). Not a test: run it
// with `pnpm bench:services` and record the figures in docs/performance.md.
//
//   BENCH_DATABASE_URL=postgres://...   run on PostgreSQL instead of the embedded PGlite
//   BENCH_SERVICES=17000 BENCH_SECONDS=10 BENCH_CONCURRENCY=16
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { readEnv } from '@okno/config';
import { createDb, migrate, queryRows } from '@okno/db';
import { createLogger, createRootApp } from '@okno/http';
import { benchReport, getting, saturation, sequentialLatency, type BenchRow } from '@okno/testing';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createCatalogueApp } from '../src/app';
import { demoServices } from '../src/demo-catalogue';
import { insertPublished, largeCatalogue } from '../src/perf/large-catalogue';

const env = readEnv(
  z.object({
    BENCH_SERVICES: z.coerce.number().int().positive().default(17_000),
    BENCH_SECONDS: z.coerce.number().positive().default(10),
    BENCH_CONCURRENCY: z.coerce.number().int().positive().default(16),
    BENCH_DATABASE_URL: z.string().optional(),
  }),
);
const size = env.BENCH_SERVICES;
const seconds = env.BENCH_SECONDS;
const concurrency = env.BENCH_CONCURRENCY;
const databaseUrl = env.BENCH_DATABASE_URL;

const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'okno-bench-'));
const handle = await createDb({ databaseUrl, dataDir });
await migrate(handle);
const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(
  handle.db,
  sql`select version()`,
);
const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(
  handle.db,
  sql`select count(*)::int as count from catalogue.services`,
);
let started = performance.now();
if (count < size) await insertPublished(handle.db, largeCatalogue(demoServices, size));
await queryRows(handle.db, sql`analyze catalogue.service_versions`);
const seeding = ((performance.now() - started) / 1000).toFixed(1);

const root = createRootApp({ logger: createLogger({ name: 'bench', level: 'silent' }) });
root.route('/api/catalogue', createCatalogueApp({ db: handle.db, verifier: null }));
const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/catalogue`;

const lists = [
  '/services?limit=20',
  '/services?limit=20&level=regional',
  '/services?limit=20&category=family-and-children',
  '/services?limit=20&channel=post&fee=free',
  '/services?limit=20&lifeSituation=birth-of-a-child',
].map((p) => base + p);
const searches = [
  'паспорта',
  'рождении ребёнка',
  'земельный участок',
  'пособие на ребёнка',
  'регистрация транспортного средства',
  'passport',
  'child benefit',
  'building permit',
];
const popular = searches.map((q) => `${base}/services?limit=20&q=${encodeURIComponent(q)}`);
// Every request a query the node has not answered before (so never from its cache): each
// query alone and with a town, at page sizes from 10 to 59.
const towns = ['', 'Кемерово', 'Новокузнецк', 'Юрга', 'Белово', 'Kemerovo', 'Yurga', 'Belovo'];
const fresh = searches.flatMap((q) =>
  towns.flatMap((town) =>
    Array.from(
      { length: 50 },
      (_, i) => `${base}/services?limit=${10 + i}&q=${encodeURIComponent(`${q} ${town}`.trim())}`,
    ),
  ),
);
shuffle(fresh);
const freshLists = lists.flatMap((url) =>
  Array.from({ length: 100 }, (_, i) => url.replace('limit=20', `limit=${i + 1}`)),
);
shuffle(freshLists);

// A browser or CDN revalidating what it holds: the ETag of each list page.
const etags = new Map<string, string>();
for (const url of lists) etags.set(url, (await fetch(url)).headers.get('etag') ?? '');
const conditional = (url: string) => ({ 'if-none-match': etags.get(url) ?? '' });

const rows: BenchRow[] = [];
started = performance.now();
rows.push([
  'list, every page new (uncached)',
  await sequentialLatency(getting(freshLists.slice(0, 250)), 250),
  await saturation(getting(freshLists.slice(250)), concurrency, Math.min(seconds, 2)),
]);
rows.push([
  'list, popular pages (cached)',
  await sequentialLatency(getting(lists), 500, { warmUp: lists.length }),
  await saturation(getting(lists), concurrency, seconds),
]);
rows.push([
  'list revalidated (If-None-Match, 304)',
  await sequentialLatency(getting(lists, conditional), 500, {
    expect: [304],
    warmUp: lists.length,
  }),
  await saturation(getting(lists, conditional), concurrency, seconds, { expect: [304] }),
]);
rows.push([
  'search, popular queries (cached)',
  await sequentialLatency(getting(popular), 500, { warmUp: popular.length }),
  await saturation(getting(popular), concurrency, seconds),
]);
rows.push([
  'search, every query new (uncached)',
  await sequentialLatency(getting(fresh.slice(0, 500)), 500),
  await saturation(getting(fresh.slice(500)), concurrency, seconds),
]);

// Open-data downloads of the whole catalogue, once each: time to the last byte and size.
const downloads: string[] = [];
for (const [file, encoding] of [
  ['services.csv', 'identity'],
  ['services.json', 'identity'],
  ['services.json', 'gzip'],
] as const) {
  const began = performance.now();
  // node:http, not fetch: fetch would decompress, and the bytes on the wire are the point.
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`${base}/open-data/${file}`, { headers: { 'accept-encoding': encoding } }, resolve).on(
      'error',
      reject,
    ),
  );
  let bytes = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
  }
  const seconds = ((performance.now() - began) / 1000).toFixed(2);
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  downloads.push(`| ${file} (${encoding}) | ${seconds} | ${mb(bytes)} |`);
}

console.log(
  `(${fresh.length} distinct uncached search URLs; the saturation run needs fewer than that)`,
);
console.log(`\nCatalogue benchmark: ${size} published services, seeded in ${seeding} s`);
console.log(
  benchReport({
    database: `${handle.kind} (${version.split(',')[0]})`,
    concurrency,
    seconds,
    rows,
  }),
);

console.log('\n| open-data download | seconds | MiB sent |');
console.log('| --- | --- | --- |');
for (const line of downloads) console.log(line);

server.close();
await handle.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

/** Fisher–Yates, seeded so that runs are comparable. */
function shuffle<T>(items: T[]): void {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
