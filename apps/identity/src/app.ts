import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { identityOutbox } from '@okno/db/identity';
import packageJson from '../package.json' with { type: 'json' };
import { seedIdentityDemo } from './demo-data';
import { agencyRoutes } from './routes/agencies';
import { meRoutes } from './routes/me';

export const identityInfo = {
  name: 'identity',
  version: packageJson.version,
  title: 'Okno identity',
  description: "The region's agencies and offices, and who the caller is.",
};

export function createIdentityApp(deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(identityInfo, deps);
  app.route('/', agencyRoutes());
  app.route('/', meRoutes());
  return app;
}

export const identityService: ServiceModule = {
  info: identityInfo,
  create: createIdentityApp,
  outbox: identityOutbox,
  seedDemo: seedIdentityDemo,
};
