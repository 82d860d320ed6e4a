import { fileURLToPath } from 'node:url';
import { startNodeProcess as start, type NodeProcess } from '@okno/testing';

export { freePort, type NodeProcess } from '@okno/testing';

const nodeMain = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** The `main.ts` of a service in `apps/<service>`, to run it alone as its own process. */
export const serviceMain = (service: string): string =>
  fileURLToPath(new URL(`../../${service}/src/main.ts`, import.meta.url));

/** A real node process: by default `apps/node/src/main.ts`, all services. */
export const startNodeProcess = (
  env: Record<string, string>,
  main = nodeMain,
  port?: number,
): Promise<NodeProcess> => start(env, main, port);
