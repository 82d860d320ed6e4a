import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { applicationsOutbox } from '@okno/db/applications';
import packageJson from '../package.json' with { type: 'json' };
import { applicationRoutes } from './routes/applications';

export const applicationsInfo = {
  name: 'applications',
  version: packageJson.version,
  title: 'Okno applications',
  description: 'Applications for public services, from every channel, from draft to result.',
};

export function createApplicationsApp(deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(applicationsInfo, deps);
  app.route('/', applicationRoutes());
  return app;
}

export const applicationsService: ServiceModule = {
  info: applicationsInfo,
  create: createApplicationsApp,
  outbox: applicationsOutbox,
};
