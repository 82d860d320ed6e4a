import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { applicationsOutbox } from '@okno/db/applications';
import packageJson from '../package.json' with { type: 'json' };
import type { ApplicationsContext } from './applications-context';
import { catalogueClient } from './catalogue-client';
import { sweepDeadlines } from './deadline-sweep';
import { feePaymentsSubscription } from './fees/fee-payments';
import { exchangeWithRegistries } from './once-only/registry-exchange';
import { collectionRoutes } from './routes/collection-routes';
import { commentRoutes } from './routes/comment-routes';
import { counterRoutes } from './routes/counter-routes';
import { historyRoutes } from './routes/history-routes';
import { officerRoutes } from './routes/officer-routes';
import { portalRoutes } from './routes/portal-routes';
import { ratingRoutes } from './routes/rating-routes';
import { registryRequestRoutes } from './routes/registry-request-routes';
import { stepRoutes } from './routes/step-routes';

export const applicationsInfo = {
  name: 'applications',
  version: packageJson.version,
  title: 'Okno applications',
  description: 'Applications for public services, from every channel, from draft to result.',
};

export function createApplicationsApp(
  deps: ServiceDeps,
  options: { now?: () => Date } = {},
): ServiceApp {
  const missing = (['keyring', 'region', 'callService'] as const).filter((k) => !deps[k]);
  if (!deps.keyring || !deps.region || !deps.callService) {
    // Personal data sealed at rest, legal terms in the region's calendar, the catalogue read
    // over its API: the service cannot work without any of them.
    throw new Error(`the applications service needs ${missing.join(', ')}`);
  }
  const ctx: ApplicationsContext = {
    keyring: deps.keyring,
    region: deps.region,
    catalogue: catalogueClient(deps.callService),
    now: options.now ?? (() => new Date()),
  };
  const app = createServiceApp(applicationsInfo, deps);
  app.route('/', portalRoutes(ctx));
  app.route('/', stepRoutes(ctx));
  app.route('/', counterRoutes(ctx));
  app.route('/', officerRoutes(ctx));
  app.route('/', ratingRoutes(ctx));
  app.route('/', registryRequestRoutes(ctx));
  app.route('/', collectionRoutes(ctx));
  app.route('/', historyRoutes(ctx));
  app.route('/', commentRoutes(ctx));
  return app;
}

/** How often deadlines are brought up to date: a state changes at most once a day. */
const DEADLINE_SWEEP_MS = 15 * 60_000;

/** How often due inter-agency requests are sent and pending ones asked after. */
const REGISTRY_EXCHANGE_MS = 5_000;

export const applicationsService: ServiceModule = {
  info: applicationsInfo,
  create: (deps) => createApplicationsApp(deps),
  outbox: applicationsOutbox,
  subscriptions: ({ db }) => [feePaymentsSubscription(db)],
  jobs: ({ db, region, keyring, extensions }) =>
    region && keyring
      ? [
          {
            name: 'applications.deadline-sweep',
            everyMs: DEADLINE_SWEEP_MS,
            run: () => sweepDeadlines(db, region, new Date()),
          },
          {
            name: 'applications.registry-exchange',
            everyMs: REGISTRY_EXCHANGE_MS,
            run: () =>
              exchangeWithRegistries({
                db,
                keyring,
                connectors: extensions?.of('applications.registry-connector') ?? [],
                now: () => new Date(),
              }),
          },
        ]
      : [],
};
