import { paymentsOutbox } from '@okno/db/payments';
import {
  createServiceApp,
  inProcessCall,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import packageJson from '../package.json' with { type: 'json' };
import { feeAccrualsSubscription } from './accruals/fee-accruals';
import { seedPaymentsDemo } from './demo-data';
import { expirePayments } from './jobs/expire-payments';
import { NODE_ISSUER, PENDING_MINUTES, type PaymentsContext } from './payments-context';
import { accrualRoutes } from './routes/accrual-routes';
import { cashRoutes } from './routes/cash-routes';
import { issuerRoutes } from './routes/issuer-routes';
import { ledgerRoutes } from './routes/ledger-routes';
import { paymentRoutes } from './routes/payment-routes';
import { providerPageRoutes } from './routes/provider-pages';
import { reconciliationRoutes } from './routes/reconciliation-routes';
import { refundRoutes } from './routes/refund-routes';
import { webhookRoutes } from './routes/webhook-routes';
import { layoutProblem } from './uin/uin-layout';

export const paymentsInfo = {
  name: 'payments',
  version: packageJson.version,
  title: 'Okno payments',
  description:
    'Fees and fines owed to the budget, identified by their accrual number (UIN): payments through providers, a double-entry ledger, reconciliation.',
};

/** What the service works with, or an error naming what its dependencies lack. */
export function paymentsContext(deps: ServiceDeps): PaymentsContext {
  const { payments: settings, keyring } = deps;
  if (!settings || !keyring) {
    const missing = [!settings && 'payments', !keyring && 'keyring'].filter(Boolean);
    throw new Error(`the payments service needs ${missing.join(', ')} in its dependencies`);
  }
  const problem = layoutProblem(settings.uinPrefix);
  if (problem) throw new Error(`payments: ${problem}`);
  const providers = new Map(
    (deps.extensions?.of('payments.provider') ?? []).map((p) => [p.id, p] as const),
  );
  return {
    layout: { prefix: settings.uinPrefix },
    nodeIssuer: NODE_ISSUER,
    providers,
    keyring,
    settings,
    pendingMs: PENDING_MINUTES * 60_000,
    now: () => new Date(),
    timeZone: deps.region?.calendar.timeZone ?? 'UTC',
  };
}

export function createPaymentsApp(deps: ServiceDeps): ServiceApp {
  return paymentsApp(paymentsContext(deps), deps);
}

/** The service's routes over a context (tests give one with their own clock). */
export function paymentsApp(ctx: PaymentsContext, deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(paymentsInfo, deps);
  app.route('/', accrualRoutes(ctx));
  app.route('/', paymentRoutes(ctx));
  app.route('/', webhookRoutes(ctx));
  app.route('/', cashRoutes(ctx));
  app.route('/', refundRoutes(ctx));
  app.route('/', ledgerRoutes());
  app.route('/', issuerRoutes());
  app.route('/', reconciliationRoutes(ctx));
  app.route(
    '/',
    // In process: the page's own request was the one counted against the payer's limits.
    providerPageRoutes(ctx, (path, init) =>
      Promise.resolve(app.request(path, init, inProcessCall)),
    ),
  );
  return app;
}

export const paymentsService: ServiceModule = {
  info: paymentsInfo,
  create: createPaymentsApp,
  outbox: paymentsOutbox,
  seedDemo: seedPaymentsDemo,
  subscriptions: (deps) => [feeAccrualsSubscription(paymentsContext(deps), deps.db)],
  jobs: (deps) => {
    const ctx = paymentsContext(deps);
    return [{ name: 'payments.expiry', everyMs: 60_000, run: () => expirePayments(ctx, deps.db) }];
  },
};
