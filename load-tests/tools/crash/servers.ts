import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { answers, portOpen, restartable, type Restartable } from './restartable';

/** The postgres user's ids when we are root: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * PostgreSQL on a cluster `init_postgres` made in `<dir>/data`, as production runs it: fsync
 * and synchronous commit on, so what it acknowledged survives its death.
 */
export function postgres(pgBin: string, dir: string, port: number): Restartable {
  const user = postgresUser();
  return restartable({
    name: 'PostgreSQL',
    command: join(pgBin, 'postgres'),
    args: [
      ...['-D', join(dir, 'data'), '-p', String(port), '-k', dir],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'shared_buffers=128MB'],
    ],
    ...(user && { user }),
    logFile: join(dir, 'server.log'),
    ready: () => portOpen(port),
  });
}

/** nats-server with JetStream on files in `dir`. */
export function natsServer(binary: string, dir: string, port: number): Restartable {
  mkdirSync(dir, { recursive: true });
  return restartable({
    name: 'nats-server',
    command: binary,
    args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', join(dir, 'jetstream')],
    logFile: join(dir, 'server.log'),
    ready: () => portOpen(port),
  });
}

/**
 * The development node (demo data, the bank simulator) from the repository, on PostgreSQL and
 * NATS, started as `pnpm start` does but without pnpm's process in between.
 */
export function oknoNode(options: {
  repo: string;
  url: string;
  dataDir: string;
  env: Record<string, string>;
  logFile: string;
}): Restartable {
  return restartable({
    name: 'node',
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/node/src/main.ts'],
    cwd: options.repo,
    env: {
      PORT: new URL(options.url).port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OKNO_PUBLIC_URL: options.url,
      OKNO_DATA_DIR: options.dataDir,
      // A handful of demo people stand for every applicant: no per-person write limit.
      OKNO_WRITES_PER_PERSON: '1000000000',
      OKNO_WRITES_PER_CLIENT: '1000000000',
      ...options.env,
    },
    logFile: options.logFile,
    ready: () => answers(`${options.url}/readyz`),
  });
}
