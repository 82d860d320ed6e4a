import cluster from 'node:cluster';
import { accessDenialAudit } from '@okno/audit';
import { dateIn, decreeWarnings } from '@okno/calendar';
import { ConfigError, isDevelopment } from '@okno/config';
import { createDb, migrate } from '@okno/db';
import { createLogger, serveGracefully, type ServiceModule } from '@okno/http';
import { httpTelemetry, startTelemetry } from '@okno/telemetry';
import { createNodeApp } from './create-node-app';
import { startEventRelays } from './event-relays';
import { readNodeEnv } from './env';
import { documentsSettings, paymentsSettings } from './document-settings';
import { loadDataKeys } from './data-keys';
import { loadPlugins, type PluginImporter } from './plugins';
import { loadRegionSettings } from './region-settings';
import { startScheduledJobs } from './scheduled-jobs';
import { openStorage } from './storage-config';
import { setUpIdentity, type NodeIdentity } from './identity-provider';
import { superviseWorkers } from './workers';
import { refuseBadConfig } from './refuse-bad-config';

/** The region whose data a development node loads as demo data (regions/ru-kem). */
const DEMO_REGION = 'RU-KEM';

export interface RunNodeOptions {
  /** The process's name in logs and telemetry: 'okno-node', or a service's name. */
  name: string;
  version: string;
  services: readonly ServiceModule[];
  /** Imports a plugin package; the entry point's own `import`, so its dependencies resolve. */
  importPlugin?: PluginImporter;
  /** Plugins a development node loads when OKNO_PLUGINS is not set (the demo connectors). */
  developmentPlugins?: readonly string[];
}

/**
 * Runs a node process: all services (the embedded default) or any subset (one Deployment
 * per service in production). Configuration is read once, here, and refused if invalid.
 */
export async function runNode(entry: RunNodeOptions): Promise<void> {
  const env = await refuseBadConfig(entry.name, readNodeEnv);
  const options = {
    ...entry,
    services: await refuseBadConfig(entry.name, () =>
      chooseServices(entry.services, env.OKNO_SERVICES),
    ),
  };
  if (env.OKNO_WORKERS > 1 && cluster.isPrimary) {
    const supervisor = createLogger({ name: `${options.name}-supervisor`, level: env.LOG_LEVEL });
    return superviseWorkers(env.OKNO_WORKERS, supervisor);
  }
  const telemetry = startTelemetry({
    serviceName: options.name,
    serviceVersion: options.version,
    region: env.OKNO_REGION,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const logger = createLogger({ name: options.name, level: env.LOG_LEVEL });
  const dataKeys = await refuseBadConfig(options.name, () => loadDataKeys(env));
  const region = await refuseBadConfig(options.name, () => loadRegionSettings(env));
  const { fixedYears, additions } = region.calendar.summary;
  logger.info(
    { fixedYears, additions: additions.map((a) => ({ year: a.year, source: a.source })) },
    'production calendar loaded',
  );
  for (const warning of decreeWarnings(
    region.calendar,
    dateIn(new Date(), region.calendar.timeZone),
  )) {
    logger.warn(warning);
  }
  const documents = await refuseBadConfig(options.name, () => documentsSettings(env));
  const payments = paymentsSettings(env);
  const pluginNames =
    env.OKNO_PLUGINS ?? (isDevelopment(env) ? (options.developmentPlugins ?? []) : []);
  const extensions = await refuseBadConfig(options.name, () =>
    loadPlugins(
      pluginNames,
      options.importPlugin ?? ((name) => Promise.reject(new Error(`${name}: no importer given`))),
      !isDevelopment(env),
    ),
  );
  if (extensions.plugins.length > 0) logger.info({ plugins: extensions.plugins }, 'plugins loaded');
  logger.info({ keys: dataKeys.source }, 'personal data keys loaded');
  const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.OKNO_DATA_DIR });
  logger.info(
    { database: database.kind, ...(database.kind === 'pglite' && { dataDir: env.OKNO_DATA_DIR }) },
    'database opened',
  );
  if (env.OKNO_MIGRATE ?? true) await migrate(database);
  if (env.OKNO_DEMO_DATA ?? isDevelopment(env)) {
    // The demo data is the demo region's (regions/ru-kem): another region's node gets its own
    // people, offices and services from its pack, never Kuzbass's.
    if (env.OKNO_REGION === DEMO_REGION) {
      for (const service of options.services) await service.seedDemo?.(database.db);
      logger.info('demo data loaded');
    } else {
      const pack = `regions/${env.OKNO_REGION.toLowerCase()}`;
      logger.info(
        { region: env.OKNO_REGION, demoRegion: DEMO_REGION },
        `no demo data: it is ${DEMO_REGION}'s; import this region's pack: pnpm okno region import ${pack}`,
      );
    }
  }
  // After the demo data: the embedded provider's people are in the database, and it makes a
  // first administrator only when there is nobody to sign in as.
  const identity: NodeIdentity = await refuseBadConfig(options.name, () =>
    setUpIdentity(env, logger, database.db),
  );
  if (!identity.verifier) logger.warn('no OpenID provider: every bearer token will be refused');

  const storage = await openStorage(env);
  logger.info({ storage: storage.kind }, 'document storage opened');
  const serviceDeps = {
    db: database.db,
    verifier: identity.verifier,
    ...(identity.people && { people: identity.people }),
    keyring: dataKeys.keyring,
    region,
    extensions,
    storage,
    documents,
    payments,
  };
  const events = await startEventRelays({
    db: database.db,
    services: options.services,
    deps: serviceDeps,
    region: env.OKNO_REGION,
    natsUrl: env.NATS_URL,
    logger,
  });

  const jobs = startScheduledJobs(options.services, serviceDeps, logger);

  let draining = false;
  const app = await refuseBadConfig(options.name, () =>
    createNodeApp({
      region,
      ...(env.OKNO_SERVICE_URLS && { remoteServices: env.OKNO_SERVICE_URLS }),
      nodeVersion: options.version,
      services: options.services,
      database,
      verifier: identity.verifier,
      ...(identity.people && { people: identity.people }),
      keyring: dataKeys.keyring,
      extensions,
      storage,
      documents,
      payments,
      onAccessDenied: accessDenialAudit({ db: database.db, logger }),
      ...(identity.provider && { nativeRoutes: [identity.provider] }),
      logger,
      maxBodyBytes: env.MAX_BODY_BYTES,
      rateLimits: {
        writesPerPerson: env.OKNO_WRITES_PER_PERSON,
        writesPerClient: env.OKNO_WRITES_PER_CLIENT,
        writesPerAddress: env.OKNO_WRITES_PER_ADDRESS,
        signInsPerAddress: env.OKNO_SIGN_INS_PER_ADDRESS,
        ...(env.OKNO_CLIENT_ADDRESS_HEADER && { addressHeader: env.OKNO_CLIENT_ADDRESS_HEADER }),
      },
      admission: {
        maxInFlight: env.OKNO_MAX_IN_FLIGHT,
        maxQueued: env.OKNO_MAX_QUEUED,
        maxWaitMs: env.OKNO_MAX_WAIT_MS,
        retryAfterSeconds: Math.max(1, Math.ceil(env.OKNO_MAX_WAIT_MS / 1000)),
      },
      middleware: [httpTelemetry({ tracing: env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined })],
      metricsText: () => telemetry.metricsText(),
      isDraining: () => draining,
    }),
  );

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
      await jobs.stop();
      await events.stop();
      await database.close();
      await telemetry.shutdown();
    },
  });
}

/** Runs a configuration step; a bad configuration stops the process with its message. */
/** The services OKNO_SERVICES names, of those the entry point has; all of them when unset. */
export function chooseServices(
  known: readonly ServiceModule[],
  names: readonly string[] | undefined,
): readonly ServiceModule[] {
  if (!names) return known;
  const unknown = names.filter((name) => !known.some((s) => s.info.name === name));
  if (unknown.length > 0) {
    throw new ConfigError([
      `OKNO_SERVICES: no service ${unknown.join(', ')} here; there are ${known.map((s) => s.info.name).join(', ')}`,
    ]);
  }
  return known.filter((s) => names.includes(s.info.name));
}
