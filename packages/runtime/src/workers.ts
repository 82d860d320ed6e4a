import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@okno/http';

/**
 * OKNO_WORKERS > 1: this process becomes a supervisor of that many node processes sharing its
 * port (node:cluster hands out connections round-robin), so one node uses several cores.
 * Workers start one after another, so only the first applies migrations and demo data; one
 * that dies unexpectedly is replaced; SIGTERM and SIGINT are passed on and the supervisor
 * exits once every worker has drained. State shared between requests lives in the database,
 * never in a worker, which is what makes this safe (as it is for replicas).
 */
export async function superviseWorkers(count: number, logger: Logger): Promise<void> {
  let stopping = false;
  const live = new Set<Worker>();
  const start = () =>
    new Promise<void>((resolve) => {
      const worker = cluster.fork();
      live.add(worker);
      worker.once('listening', () => resolve());
      worker.once('exit', (code, signal) => {
        live.delete(worker);
        if (stopping) {
          if (live.size === 0) process.exit(0);
          return;
        }
        logger.error({ pid: worker.process.pid, code, signal }, 'a worker died: starting another');
        resolve(); // a worker that died while starting does not hold the others back
        setTimeout(() => void start(), 1_000).unref();
      });
    });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      if (live.size === 0) process.exit(0);
      for (const worker of live) worker.process.kill('SIGTERM');
    });
  }
  for (let i = 0; i < count && !stopping; i += 1) await start();
  logger.info({ workers: count }, 'all workers listening');
}
