import { describe, expect, it } from 'vitest';
import { createLogger, type ServiceModule } from '@okno/http';
import { startScheduledJobs } from '../src/scheduled-jobs';

const logger = createLogger({ name: 'jobs-test', level: 'silent' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduled jobs', () => {
  it('runs each job on its timer, never two runs of one at once, and survives failures', async () => {
    let runs = 0;
    let concurrent = 0;
    let mostConcurrent = 0;
    let failures = 0;
    const service = {
      info: { name: 'x', version: '1', title: 'x', description: 'x' },
      create: () => {
        throw new Error('not needed');
      },
      jobs: () => [
        {
          name: 'slow',
          everyMs: 5,
          run: async () => {
            runs++;
            concurrent++;
            mostConcurrent = Math.max(mostConcurrent, concurrent);
            await pause(30);
            concurrent--;
          },
        },
        {
          name: 'failing',
          everyMs: 5,
          run: () => {
            failures++;
            return Promise.reject(new Error('registry down'));
          },
        },
      ],
    } as unknown as ServiceModule;
    const jobs = startScheduledJobs([service], {} as never, logger);
    // Until each job has run a few times (a busy machine delays timers; never a fixed wait).
    for (let waited = 0; (runs < 3 || failures < 3) && waited < 10_000; waited += 10) {
      await pause(10);
    }
    await jobs.stop();
    const after = runs;
    await pause(50);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(mostConcurrent).toBe(1);
    expect(failures).toBeGreaterThanOrEqual(3);
    expect(runs).toBe(after); // stopped means stopped
  });
});
