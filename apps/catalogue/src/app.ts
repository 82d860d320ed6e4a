import {
  createServiceApp,
  PublicCache,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { catalogueOutbox } from '@okno/db/catalogue';
import packageJson from '../package.json' with { type: 'json' };
import { seedCatalogueDemo } from './demo-data';
import { agencyRoutes } from './routes/agency-routes';
import { editorServiceRoutes } from './routes/editor-services';
import { importRoutes } from './routes/import-routes';
import { officeEditingRoutes } from './routes/office-editing';
import { officeRoutes } from './routes/office-routes';
import { openDataRoutes } from './routes/open-data-routes';
import { publicServiceRoutes } from './routes/public-services';

export const catalogueInfo = {
  name: 'catalogue',
  version: packageJson.version,
  title: 'Okno catalogue',
  description:
    'The public services the region offers, the agencies that offer them and the offices where: what each needs, costs and takes, and where to get it.',
};

export function createCatalogueApp(deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(catalogueInfo, deps);
  const cache = deps.publicCache ?? new PublicCache();
  app.route('/', agencyRoutes());
  app.route('/', publicServiceRoutes(cache));
  app.route('/', editorServiceRoutes(cache));
  app.route('/', officeRoutes(cache));
  app.route('/', officeEditingRoutes(cache));
  app.route('/', openDataRoutes());
  app.route('/', importRoutes(cache));
  return app;
}

export const catalogueService: ServiceModule = {
  info: catalogueInfo,
  create: createCatalogueApp,
  outbox: catalogueOutbox,
  seedDemo: seedCatalogueDemo,
};
