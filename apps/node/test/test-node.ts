import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import { createLogger } from '@okno/http';
import { bankSimulator } from '@okno/plugin-payment-bank-simulator';
import { collectExtensions, definePlugin, extend } from '@okno/plugin-sdk';
import { createNodeApp, startEventRelays, type EventRelays } from '@okno/runtime';
import {
  createTestDatabase,
  createTestIssuer,
  testRegion,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { allServices } from '../src/services';
import { serviceSettings } from './service-settings';

/** The smallest valid PDF: the scan a citizen keeps in the wallet. */
export const minimalPdf = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export interface TestNode {
  app: ReturnType<typeof createNodeApp>;
  database: DatabaseHandle;
  issuer: TestIssuer;
  /** A request as the holder of a token with these claims (none: anonymous). */
  call(
    who: TokenClaims | null,
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Every service of the node in one app over a fresh database with the demo data and a real
 * token issuer. `bank` adds the bank simulator as a payment provider; `events` delivers the
 * services' events to each other, as a running node does.
 */
export async function startTestNode(
  options: { bank?: boolean; events?: boolean } = {},
): Promise<TestNode> {
  const database = await createTestDatabase();
  const issuer = await createTestIssuer();
  for (const service of allServices) await service.seedDemo?.(database.db);
  const logger = createLogger({ name: 'test', level: 'silent' });
  const deps = {
    region: testRegion(issuer.region),
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
    ...(options.bank && {
      extensions: collectExtensions([
        definePlugin({
          name: 'test-bank',
          version: '1',
          extensions: [extend('payments.provider', bankSimulator({ secret: 'node-test-secret' }))],
        }),
      ]),
    }),
    ...(await serviceSettings()),
  };
  const app = createNodeApp({
    ...deps,
    nodeVersion: '0.0.0',
    services: allServices,
    database,
    logger,
    isDraining: () => false,
    metricsText: () => Promise.resolve(''),
  });
  const relays: EventRelays | null = options.events
    ? await startEventRelays({
        db: database.db,
        services: allServices,
        deps: { ...deps, db: database.db },
        region: issuer.region,
        natsUrl: undefined,
        logger,
      })
    : null;
  return {
    app,
    database,
    issuer,
    async call(who, method, path, body, contentType) {
      const headers: Record<string, string> = {
        'content-type':
          contentType ?? (body instanceof Uint8Array ? 'application/pdf' : 'application/json'),
      };
      if (who) headers['authorization'] = `Bearer ${await issuer.sign(who)}`;
      const raw =
        body === undefined || typeof body === 'string' || body instanceof Uint8Array
          ? body
          : JSON.stringify(body);
      return app.request(path, { method, headers, ...(raw !== undefined && { body: raw }) });
    },
    async close() {
      await relays?.stop();
      await database.close();
      await issuer.close();
    },
  };
}
