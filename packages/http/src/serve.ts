import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from './logger';

export interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
  logger: Logger;
  /** How long in-flight requests may take to finish after SIGTERM before connections are cut. */
  graceMs: number;
  /** Called first on shutdown, e.g. to make /readyz fail so load balancers stop routing here. */
  onDrain?: () => void;
  /** Called after the server has closed: close the database, flush telemetry. */
  onClose?: () => Promise<void>;
  /**
   * How long a client may take to send its headers (default 20 s) and its whole request
   * (default 300 s, room for a 25 MB scan over a slow mobile link): a client that trickles
   * bytes to hold connections open (slowloris) is cut off, with 408.
   */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface RunningServer {
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes. */
  shutdown(reason: string): Promise<void>;
}

/** Serves an app and shuts it down gracefully on SIGTERM or SIGINT. */
export async function serveGracefully(options: ServeOptions): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: options.fetch,
        port: options.port,
        hostname: options.hostname,
        serverOptions: {
          headersTimeout: options.headersTimeoutMs ?? 20_000,
          requestTimeout: options.requestTimeoutMs ?? 300_000,
          // How often those timeouts are checked (Node's default, 30 s, lets a slow client
          // overstay by as much).
          connectionsCheckingInterval: Math.min(options.headersTimeoutMs ?? 20_000, 5_000),
        },
      },
      () => resolve(s),
    ) as Server;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port, hostname: options.hostname }, 'listening');

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    closing ??= (async () => {
      options.logger.info({ reason }, 'shutting down: draining in-flight requests');
      options.onDrain?.();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        options.logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
      }, options.graceMs);
      timer.unref();
      await closed;
      clearTimeout(timer);
      await options.onClose?.();
      options.logger.info('stopped');
    })();
    return closing;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // `on`, not `once`: a second signal (a wrapper forwarding it, an impatient operator)
    // must not kill the process mid-drain; shutdown() is idempotent.
    process.on(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          options.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { port, shutdown };
}
