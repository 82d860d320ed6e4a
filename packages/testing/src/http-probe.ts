import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

/*
 * The measuring side of `pnpm bench`: latency one request at a time and throughput at
 * saturation, from an HTTP client on loopback. Benchmarks measure; they do not pass or fail.
 */

export interface LatencyResult {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The i-th request of a run. */
export type RequestMaker = (i: number) => { url: string; init?: RequestInit };

/** GETs of these URLs in turn, with per-URL headers. */
export const getting =
  (
    urls: readonly string[],
    headers: (url: string) => Record<string, string> = () => ({}),
  ): RequestMaker =>
  (i) => {
    const url = urls[i % urls.length]!;
    return { url, init: { headers: headers(url) } };
  };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summarise(samples: number[]): LatencyResult {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

async function timed(make: RequestMaker, i: number, expect: readonly number[]) {
  const { url, init } = make(i);
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (!expect.includes(res.status)) {
    throw new Error(`${url} answered ${res.status}: ${new TextDecoder().decode(body)}`);
  }
  return ms;
}

/** Latency one request at a time (no queueing): what a single user sees on an idle node. */
export async function sequentialLatency(
  make: RequestMaker,
  requests: number,
  options: { expect?: readonly number[]; warmUp?: number } = {},
): Promise<LatencyResult> {
  const expect = options.expect ?? [200];
  const warmUp = options.warmUp ?? 0;
  for (let i = 0; i < warmUp; i++) await timed(make, i, expect);
  const samples: number[] = [];
  for (let i = warmUp; i < warmUp + requests; i++) samples.push(await timed(make, i, expect));
  return summarise(samples);
}

/** Requests per second with `concurrency` clients for `seconds`: the saturation throughput. */
export async function saturation(
  make: RequestMaker,
  concurrency: number,
  seconds: number,
  options: { expect?: readonly number[]; from?: number } = {},
): Promise<LatencyResult & { perSecond: number }> {
  const expect = options.expect ?? [200];
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let next = options.from ?? 0;
  const client = async () => {
    while (performance.now() < deadline) samples.push(await timed(make, next++, expect));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarise(samples), perSecond: samples.length / elapsed };
}

/** One line of a benchmark table: a kind of request, alone and at saturation. */
export type BenchRow = [string, LatencyResult, LatencyResult & { perSecond: number }];

/** The machine, the database and the load, then the table, as docs/performance.md has them. */
export function benchReport(options: {
  database: string;
  concurrency: number;
  seconds: number;
  rows: readonly BenchRow[];
}): string {
  const ms = (n: number) => n.toFixed(1);
  const cpu = cpus();
  return [
    `database: ${options.database}`,
    `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `saturation: ${options.concurrency} concurrent clients for ${options.seconds} s`,
    '',
    '| request | p50 ms | p95 ms | p99 ms | saturation req/s | p95 ms at saturation |',
    '| --- | --- | --- | --- | --- | --- |',
    ...options.rows.map(
      ([name, alone, loaded]) =>
        `| ${name} | ${ms(alone.p50)} | ${ms(alone.p95)} | ${ms(alone.p99)} | ${Math.round(loaded.perSecond)} | ${ms(loaded.p95)} |`,
    ),
  ].join('\n');
}
