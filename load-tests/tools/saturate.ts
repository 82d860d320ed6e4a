import autocannon, { type Request } from 'autocannon';

export interface Saturation {
  /** Requests answered per second with the expected status. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers with another status, and connection errors or timeouts. */
  unexpected: number;
}

/**
 * Drives `url` as hard as `connections` keep-alive clients can (closed model: each sends its
 * next request when the last is answered) for `seconds`, or for `amount` requests. Only
 * answers with `expect` count: a fast 500 is not throughput.
 */
export async function saturate(options: {
  url: string;
  connections: number;
  seconds: number;
  amount?: number;
  requests?: Request[];
  expect?: number;
}): Promise<Saturation> {
  const expected = options.expect ?? 200;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.amount !== undefined && { amount: options.amount }),
    ...(options.requests && { requests: options.requests }),
  });
  const byStatus = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const good = byStatus[String(expected)]?.count ?? 0;
  const total = Object.values(byStatus).reduce((sum, s) => sum + (s?.count ?? 0), 0);
  return {
    rps: good / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: total - good + result.errors + result.timeouts,
  };
}
