import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server the crash run can kill without warning and start again on the same state. */
export interface Restartable {
  readonly name: string;
  start(): Promise<void>;
  /** SIGKILL to it and every process it started (as a machine losing them), waited for. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop, waited for. */
  stop(): Promise<void>;
  /** SIGKILL to what is left, without waiting: for a process that is exiting itself. */
  abandon(): void;
}

interface Launch {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Runs it as this user (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
  /** Appended to across restarts. */
  logFile: string;
  /** Resolves once it serves; rejects if it never does. */
  ready: () => Promise<void>;
}

/** A server in a process group of its own, started again on the same state after a kill. */
export function restartable(launch: Launch): Restartable {
  let child: ChildProcess | null = null;
  async function signal(name: 'SIGKILL' | 'SIGTERM') {
    const running = child;
    if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    if (name === 'SIGKILL') killTree(running.pid);
    else process.kill(-running.pid, name);
    await exited;
    child = null;
  }
  return {
    name: launch.name,
    async start() {
      const log = openSync(launch.logFile, 'a');
      const started = spawn(launch.command, launch.args, {
        cwd: launch.cwd,
        env: { ...process.env, ...launch.env },
        detached: true,
        stdio: ['ignore', log, log],
        ...launch.user,
      });
      closeSync(log); // the child holds its own copy
      child = started;
      await Promise.race([
        launch.ready(),
        new Promise((_, reject) =>
          started.once('exit', (code) =>
            reject(new Error(`${launch.name} exited with ${code} while starting`)),
          ),
        ),
      ]);
    },
    kill: () => signal('SIGKILL'),
    abandon: () => {
      if (child?.pid && child.exitCode === null && child.signalCode === null) killTree(child.pid);
    },
    stop: () => signal('SIGTERM'),
  };
}

/** Resolves once `port` on loopback accepts connections; rejects after `seconds`. */
export async function portOpen(port: number, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 10; i += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${seconds} s`);
}

/** Resolves once `url` answers 200; rejects after `seconds`. */
export async function answers(url: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i += 1) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${seconds} s`);
}

/**
 * SIGKILL to a process and all its descendants at once. Not to its process group alone:
 * PostgreSQL makes every backend a group leader of its own, and a backend outliving its
 * postmaster keeps the shared memory that refuses the next start. The parent is stopped
 * first so that it cannot fork while its children are listed.
 */
function killTree(pid: number) {
  const kill = (target: number, signal: NodeJS.Signals) => {
    try {
      process.kill(target, signal);
    } catch {
      // gone already
    }
  };
  kill(pid, 'SIGSTOP');
  for (const descendant of descendantsOf(pid)) kill(descendant, 'SIGKILL');
  kill(-pid, 'SIGKILL');
  kill(pid, 'SIGKILL');
}

/** Every process below `pid`, from /proc (Linux). */
function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the 4th field, after the command in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), parent);
    } catch {
      // exited while listed
    }
  }
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length > 0;) {
    const children = [...parentOf].filter(([, p]) => frontier.includes(p)).map(([c]) => c);
    found.push(...children);
    frontier = children;
  }
  return found;
}
