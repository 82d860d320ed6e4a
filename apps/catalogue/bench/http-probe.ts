import { performance } from 'node:perf_hooks';

export interface LatencyResult {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

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

async function timed(url: string, headers: Record<string, string>, expect: number[]) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (!expect.includes(res.status)) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

/** Latency one request at a time (no queueing): what a single user sees on an idle node. */
export async function sequentialLatency(
  urls: readonly string[],
  requests: number,
  headers: (url: string) => Record<string, string> = () => ({}),
  expect = [200],
  warmUp: readonly string[] = urls,
): Promise<LatencyResult> {
  for (const url of warmUp) await timed(url, headers(url), expect);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const url = urls[i % urls.length]!;
    samples.push(await timed(url, headers(url), expect));
  }
  return summarise(samples);
}

/** Requests per second with `concurrency` clients for `seconds`: the saturation throughput. */
export async function saturation(
  urls: readonly string[],
  concurrency: number,
  seconds: number,
  headers: (url: string) => Record<string, string> = () => ({}),
  expect = [200],
): Promise<LatencyResult & { perSecond: number }> {
  const samples: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length]!;
      samples.push(await timed(url, headers(url), expect));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarise(samples), perSecond: samples.length / elapsed };
}
