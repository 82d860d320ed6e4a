import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { documentsOutbox } from '@okno/db/documents';
import packageJson from '../package.json' with { type: 'json' };
import { walletRoutes } from './routes/wallet';

export const documentsInfo = {
  name: 'documents',
  version: packageJson.version,
  title: 'Okno documents',
  description: "Applicants' documents: uploads, the wallet, and verifiable result documents.",
};

export function createDocumentsApp(deps: ServiceDeps): ServiceApp {
  const app = createServiceApp(documentsInfo, deps);
  app.route('/', walletRoutes());
  return app;
}

export const documentsService: ServiceModule = {
  info: documentsInfo,
  create: createDocumentsApp,
  outbox: documentsOutbox,
};
