import { describe, expect, it } from 'vitest';
import { createLogger, createRootApp, inProcessCall, type AdmissionLimits } from '../src';

/** A root app whose /work requests each wait until the test lets them finish. */
function busyApp(limits: Partial<AdmissionLimits> = {}) {
  const app = createRootApp({
    logger: createLogger({ name: 'admission-test', level: 'silent' }),
    admission: { maxInFlight: 2, maxQueued: 1, maxWaitMs: 5_000, retryAfterSeconds: 3, ...limits },
  });
  const finishers: (() => void)[] = [];
  let started = 0;
  app.get('/work', async (c) => {
    started += 1;
    await new Promise<void>((resolve) => finishers.push(resolve));
    return c.text('done');
  });
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.get('/healthz', (c) => c.text('ok'));
  return {
    request: (path: string) => app.request(path),
    callInProcess: (path: string) => app.request(path, {}, inProcessCall),
    started: () => started,
    finishOne: () => finishers.shift()?.(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('load shedding', () => {
  it('serves what fits, queues what may wait, and turns away the rest with 503 and Retry-After', async () => {
    const node = busyApp();
    const first = node.request('/work');
    const second = node.request('/work');
    const third = node.request('/work'); // waits in line
    await tick();
    expect(node.started()).toBe(2);

    const turnedAway = await node.request('/work'); // the line is full
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers.get('retry-after')).toBe('3');
    expect(turnedAway.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await turnedAway.json()) as { type: string; detail: string };
    expect(problem.type).toBe('urn:okno:problem:overloaded');
    expect(problem.detail).toContain('1 requests already waiting');

    node.finishOne(); // the first's slot passes to the third
    expect((await first).status).toBe(200);
    await tick();
    expect(node.started()).toBe(3);
    node.finishOne();
    node.finishOne();
    expect((await second).status).toBe(200);
    expect((await third).status).toBe(200);
    expect(node.started()).toBe(3); // the turned-away request never reached its handler
  });

  it('turns away a request that waited too long, and never probes or in-process calls', async () => {
    const node = busyApp({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 30 });
    const first = node.request('/work');
    await tick();
    const waited = await node.request('/work');
    expect(waited.status).toBe(503);
    expect(((await waited.json()) as { detail: string }).detail).toContain('within 30 ms');
    expect((await node.request('/healthz')).status).toBe(200);
    // A service's call to another in the same process already holds its caller's slot.
    const inner = node.callInProcess('/work');
    await tick();
    expect(node.started()).toBe(2);
    node.finishOne();
    node.finishOne();
    expect((await first).status).toBe(200);
    expect((await inner).status).toBe(200);
  });

  it('gives the slot back when a handler fails', async () => {
    const node = busyApp({ maxInFlight: 1, maxQueued: 0 });
    expect((await node.request('/fails')).status).toBe(500);
    expect((await node.request('/fails')).status).toBe(500); // not 503: the slot was released
    const work = node.request('/work');
    await tick();
    expect(node.started()).toBe(1);
    node.finishOne();
    expect((await work).status).toBe(200);
  });
});
