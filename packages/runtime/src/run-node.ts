import { createJwtVerifier, remoteKeys, type TokenVerifier } from '@okno/auth';
import { ConfigError, isDevelopment } from '@okno/config';
import { createDb, migrate } from '@okno/db';
import { createLogger, serveGracefully, type Logger, type ServiceModule } from '@okno/http';
import { httpTelemetry, startTelemetry } from '@okno/telemetry';
import { createNodeApp } from './create-node-app';
import { startEventRelays } from './event-relays';
import { readNodeEnv, type NodeEnv } from './env';

export interface RunNodeOptions {
  /** The process's name in logs and telemetry: 'okno-node', or a service's name. */
  name: string;
  version: string;
  services: readonly ServiceModule[];
}

/**
 * Runs a node process: all services (the embedded default) or any subset (one Deployment
 * per service in production). Configuration is read once, here, and refused if invalid.
 */
export async function runNode(options: RunNodeOptions): Promise<void> {
  let env: NodeEnv;
  try {
    env = readNodeEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${options.name}: ${error.message}\n`);
    process.exit(1);
  }
  const telemetry = startTelemetry({
    serviceName: options.name,
    serviceVersion: options.version,
    region: env.OKNO_REGION,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const logger = createLogger({ name: options.name, level: env.LOG_LEVEL });
  const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.OKNO_DATA_DIR });
  logger.info(
    { database: database.kind, ...(database.kind === 'pglite' && { dataDir: env.OKNO_DATA_DIR }) },
    'database opened',
  );
  if (env.OKNO_MIGRATE ?? true) await migrate(database);
  if (env.OKNO_DEMO_DATA ?? isDevelopment(env)) {
    for (const service of options.services) await service.seedDemo?.(database.db);
    logger.info('demo data loaded');
  }

  const events = await startEventRelays({
    db: database.db,
    services: options.services,
    region: env.OKNO_REGION,
    natsUrl: env.NATS_URL,
    logger,
  });

  let draining = false;
  const app = createNodeApp({
    region: env.OKNO_REGION,
    nodeVersion: options.version,
    services: options.services,
    database,
    verifier: createVerifier(env, logger),
    logger,
    maxBodyBytes: env.MAX_BODY_BYTES,
    middleware: [httpTelemetry()],
    metricsText: () => telemetry.metricsText(),
    isDraining: () => draining,
  });

  await serveGracefully({
    fetch: app.fetch,
    port: env.PORT,
    hostname: env.HOST,
    logger,
    graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    onDrain: () => {
      draining = true;
    },
    onClose: async () => {
      await events.stop();
      await database.close();
      await telemetry.shutdown();
    },
  });
}

function createVerifier(env: NodeEnv, logger: Logger): TokenVerifier | null {
  if (!env.OIDC_ISSUER) {
    logger.warn('OIDC_ISSUER is not set: every bearer token will be refused');
    return null;
  }
  const jwksUrl = env.OIDC_JWKS_URL ?? `${env.OIDC_ISSUER}/protocol/openid-connect/certs`;
  return createJwtVerifier({
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    region: env.OKNO_REGION,
    keys: remoteKeys(new URL(jwksUrl)),
  });
}
