import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import { sealAuditTrail } from '@okno/audit';
import { identityOutbox } from '@okno/db/identity';
import packageJson from '../package.json' with { type: 'json' };
import { seedIdentityDemo } from './demo-data';
import { auditEventRoutes } from './routes/audit-events';
import { auditTrailRoutes } from './routes/audit-trail';
import { meRoutes } from './routes/me';
import { partnerRoutes } from './routes/partners';
import { profileRoutes } from './routes/profile';
import { signInRoutes } from './routes/sign-ins';
import { staffRoutes } from './routes/staff';
import { staffImportRoutes } from './routes/staff-imports';
import { realmPeople } from './people/realm-people';

export const identityInfo = {
  name: 'identity',
  version: packageJson.version,
  title: 'Okno identity',
  description:
    "Who the caller is; citizens' profiles (encrypted at rest); the staff directory of officers (at the catalogue's agencies and offices); partner channels; the audit trail.",
};

export function createIdentityApp(deps: ServiceDeps): ServiceApp {
  if (!deps.keyring) {
    throw new Error('the identity service needs a keyring: it encrypts personal data at rest');
  }
  if (!deps.callService) {
    throw new Error(
      "the identity service needs callService: staff work at the catalogue's offices",
    );
  }
  const app = createServiceApp(identityInfo, deps);
  app.route('/', meRoutes());
  app.route('/', profileRoutes(deps.keyring));
  const people = deps.people && realmPeople(deps.people, deps.db);
  app.route('/', staffRoutes(deps.callService, people));
  app.route('/', staffImportRoutes(deps.callService, people));
  app.route('/', partnerRoutes());
  app.route('/', signInRoutes());
  app.route('/', auditEventRoutes());
  app.route('/', auditTrailRoutes());
  return app;
}

export const identityService: ServiceModule = {
  info: identityInfo,
  create: createIdentityApp,
  outbox: identityOutbox,
  seedDemo: seedIdentityDemo,
  jobs: (deps) => [
    {
      // Every context's chain is sealed here: the audit trail is the identity service's
      // table, and a seal a few seconds behind the event is well inside the verifier's grace.
      name: 'identity.audit-seal',
      everyMs: 2_000,
      run: () => sealAuditTrail(deps.db, { signingKeys: deps.documents?.signingKeys ?? [] }),
    },
  ],
};
