import type { Logger, ScheduledJob, ServiceDeps, ServiceModule } from '@okno/http';

/**
 * Runs the services' scheduled jobs: each on its own timer, never overlapping itself, a
 * failure logged and retried at the next tick. Stopped with the process; timers never keep
 * it alive.
 */
export function startScheduledJobs(
  services: readonly ServiceModule[],
  deps: ServiceDeps,
  logger: Logger,
): { stop(): Promise<void> } {
  const jobs: ScheduledJob[] = services.flatMap((s) => s.jobs?.(deps) ?? []);
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const run = job
        .run()
        .then((result) => logger.debug({ job: job.name, result }, 'scheduled job ran'))
        .catch((error: unknown) =>
          logger.error({ job: job.name, err: error }, 'scheduled job failed'),
        )
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  if (jobs.length > 0) logger.info({ jobs: jobs.map((j) => j.name) }, 'scheduled jobs started');
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
