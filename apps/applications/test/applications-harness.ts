import { createCatalogueApp, seedDemoOffices } from '@okno/catalogue';
import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import type { ServiceCaller } from '@okno/http';
import {
  createTestDatabase,
  createTestIssuer,
  testRegion,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { demoRegistryConnector } from '@okno/plugin-registry-demo';
import type { RegistryConnector } from '@okno/plugin-sdk';
import { createApplicationsApp } from '../src/app';
import { exchangeWithRegistries, type ExchangeReport } from '../src/once-only/registry-exchange';

export interface ApplicationsHarness {
  handle: DatabaseHandle;
  issuer: TestIssuer;
  app: ReturnType<typeof createApplicationsApp>;
  /** Moves the node's clock (deadlines are counted from "today" in the region). */
  setNow(instant: string): void;
  now(): Date;
  call(
    claims: TokenClaims,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** A new applications process on the same database: nothing cached from the last one. */
  restart(): void;
  /**
   * One round of the inter-agency exchange job at the harness's clock: by default through the
   * demo connector, answering at once.
   */
  exchange(connector?: RegistryConnector): Promise<ExchangeReport>;
  /** Publishes a service in the catalogue, as the regional administrator would. */
  publish(code: string, content: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * The applications service over a real database with the real catalogue beside it, as the
 * node composes them: applications reads the catalogue through its API, in-process.
 */
export async function applicationsHarness(): Promise<ApplicationsHarness> {
  const handle = await createTestDatabase();
  const issuer = await createTestIssuer();
  const catalogue = createCatalogueApp({ db: handle.db, verifier: issuer.verifier() });
  // The region's offices, where applications are taken in and results collected.
  await seedDemoOffices(handle.db);
  const callService: ServiceCaller = async (service, path, init) =>
    service === 'catalogue' ? catalogue.request(path, init) : new Response(null, { status: 404 });
  let now = new Date('2026-11-02T03:00:00Z');
  const deps = {
    db: handle.db,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
    region: testRegion(issuer.region),
    callService,
  };
  const start = () => createApplicationsApp(deps, { now: () => now });
  let app = start();
  const request = async (
    target: { request: typeof app.request },
    claims: TokenClaims,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    target.request(path, {
      method,
      headers: {
        authorization: `Bearer ${await issuer.sign(claims)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    handle,
    issuer,
    get app() {
      return app;
    },
    restart: () => {
      app = start();
    },
    now: () => now,
    setNow: (instant) => {
      now = new Date(instant);
    },
    call: (claims, method, path, body, headers) =>
      request(app, claims, method, path, body, headers),
    exchange: (connector = demoRegistryConnector({ delayMs: 0, failWhen: () => false })) =>
      exchangeWithRegistries({
        db: handle.db,
        keyring: deps.keyring,
        connectors: [connector],
        now: () => now,
        random: () => 0,
      }),
    async publish(code, content) {
      const admin = { sub: 'admin', roles: ['regional-admin'] };
      const created = await request(catalogue, admin, 'POST', '/services', { code, content });
      if (created.status !== 201)
        throw new Error(`catalogue refused ${code}: ${await created.text()}`);
      const published = await request(catalogue, admin, 'POST', `/services/${code}/draft/publish`);
      if (published.status !== 200)
        throw new Error(`publishing ${code}: ${await published.text()}`);
    },
    async close() {
      await handle.close();
      await issuer.close();
    },
  };
}
