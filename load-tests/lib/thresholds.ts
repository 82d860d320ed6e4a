/**
 * What every scenario must hold, or the run fails: latency per scenario (p95, p99), no failed
 * requests beyond the allowance, and no iteration dropped (an open model that drops
 * iterations hides overload).
 */
export function thresholdsFor(
  scenarios: readonly string[],
  latency: { p95: number; p99: number },
  failedRate = 0.001,
): Record<string, string[]> {
  const perScenario = Object.fromEntries(
    scenarios.map((name) => [
      `http_req_duration{scenario:${name}}`,
      [`p(95)<${latency.p95}`, `p(99)<${latency.p99}`],
    ]),
  );
  return {
    ...perScenario,
    http_req_failed: [`rate<${failedRate}`],
    dropped_iterations: ['count==0'],
    checks: ['rate==1'],
  };
}
