import { ConfigError } from '@okno/config';

/**
 * Runs a start-up step; if it finds the configuration invalid, says what is wrong on stderr
 * and exits 1, rather than a stack trace (an operator reads this, not a developer).
 */
export async function refuseBadConfig<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(1);
  }
}
