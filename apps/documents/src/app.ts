import { ConfigError } from '@okno/config';
import { documentsOutbox } from '@okno/db/documents';
import {
  createServiceApp,
  type ServiceApp,
  type ServiceDeps,
  type ServiceModule,
} from '@okno/http';
import packageJson from '../package.json' with { type: 'json' };
import type { DocumentsContext } from './documents-context';
import { issueResult } from './results/issue-result';
import { attachmentRoutes } from './routes/attachment-routes';
import { downloadRoutes } from './routes/download-routes';
import { revocationRoutes } from './routes/revocation-routes';
import { verificationRoutes } from './routes/verification-routes';
import { uploadRoutes } from './routes/upload-routes';
import { walletRoutes } from './routes/wallet';
import { sweepOrphans } from './upload/orphan-sweep';

export const documentsInfo = {
  name: 'documents',
  version: packageJson.version,
  title: 'Okno documents',
  description: "Applicants' documents: uploads, the wallet, and verifiable result documents.",
};

/**
 * What the service works with, or a configuration error naming what is missing. A node that
 * cannot scan uploads does not take them: outside development it refuses to start.
 */
export function documentsContext(deps: ServiceDeps): DocumentsContext {
  const { storage, documents: settings, region } = deps;
  const missing = [!storage && 'storage', !settings && 'documents', !region && 'region'].filter(
    Boolean,
  );
  if (!storage || !settings || !region) {
    throw new Error(`the documents service needs ${missing.join(', ')} in its dependencies`);
  }
  const scanner = deps.extensions?.of('documents.antivirus-scanner')[0] ?? null;
  if (!scanner && !settings.acceptUnscanned) {
    throw new ConfigError([
      'documents: no antivirus scanner. Uploads that cannot be scanned are refused, so a ' +
        'production node needs a documents.antivirus-scanner plugin in OKNO_PLUGINS ' +
        '(@okno/plugin-antivirus-clamav with OKNO_CLAMD_ADDRESS).',
    ]);
  }
  return {
    region: region.code,
    storage,
    scanner,
    settings,
    callService: deps.callService,
    now: () => new Date(),
  };
}

export function createDocumentsApp(deps: ServiceDeps): ServiceApp {
  const ctx = documentsContext(deps);
  const app = createServiceApp(documentsInfo, deps);
  app.route('/', uploadRoutes(ctx));
  app.route('/', walletRoutes(ctx));
  app.route('/', downloadRoutes(ctx));
  app.route('/', attachmentRoutes(ctx));
  app.route('/', verificationRoutes(ctx));
  app.route('/', revocationRoutes(ctx));
  return app;
}

export const documentsService: ServiceModule = {
  info: documentsInfo,
  create: createDocumentsApp,
  outbox: documentsOutbox,
  ownBodyLimit: ['POST /documents'],
  subscriptions: (deps) => {
    const ctx = documentsContext(deps);
    return [
      {
        name: 'documents.result-documents',
        pattern: 'applications.application.decided',
        handle: (event) => issueResult(ctx, deps.db, event),
      },
    ];
  },
  jobs: (deps) => {
    const ctx = documentsContext(deps);
    return [
      {
        name: 'documents.orphan-sweep',
        everyMs: 15 * 60 * 1000,
        run: () => sweepOrphans(deps.db, ctx.storage, ctx.now()),
      },
    ];
  },
};
