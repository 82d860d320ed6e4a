import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { paymentsOutbox } from '@okno/db/payments';
import packageJson from '../package.json' with { type: 'json' };
import { seedPaymentsDemo } from './demo-data';
import { accrualRoutes } from './routes/accruals';

export const paymentsInfo = {
  name: 'payments',
  version: packageJson.version,
  title: 'Okno payments',
  description: 'Fees and fines owed to the budget, identified by their accrual number (UIN).',
};

export function createPaymentsApp(deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(paymentsInfo, deps);
  app.route('/', accrualRoutes());
  return app;
}

export const paymentsService: ServiceModule = {
  info: paymentsInfo,
  create: createPaymentsApp,
  outbox: paymentsOutbox,
  seedDemo: seedPaymentsDemo,
};
