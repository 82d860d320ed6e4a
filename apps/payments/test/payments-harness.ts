import { generateDataKey, keyring, type Keyring } from '@okno/crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '@okno/db';
import type { EventEnvelope } from '@okno/events';
import type { PaymentsSettings } from '@okno/http';
import { bankSimulator } from '@okno/plugin-payment-bank-simulator';
import { collectExtensions, definePlugin, extend, type PaymentProvider } from '@okno/plugin-sdk';
import {
  createTestDatabase,
  createTestIssuer,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { feeAccrualsSubscription } from '../src/accruals/fee-accruals';
import { paymentsApp, paymentsContext } from '../src/app';
import type { PaymentsContext } from '../src/payments-context';

export const SIMULATOR_SECRET = 'test-simulator-secret-not-for-production';
export const PUBLIC_URL = 'https://gosuslugi.example.ru';

export const citizen: TokenClaims = { sub: 'citizen-1', roles: ['citizen'] };
export const otherCitizen: TokenClaims = { sub: 'citizen-2', roles: ['citizen'] };
export const officer: TokenClaims = {
  sub: 'officer-1',
  roles: ['back-office-officer'],
  agency: 'traffic-police',
  office: 'gibdd-kemerovo',
};
export const supervisor: TokenClaims = {
  sub: 'supervisor-1',
  roles: ['supervisor'],
  agency: 'traffic-police',
};
export const auditor: TokenClaims = { sub: 'auditor-1', roles: ['auditor'] };
export const cashDesk: TokenClaims = {
  sub: 'service-account-mfc-cash-desk',
  roles: ['partner-cash-desk'],
};

export interface PaymentsHarness {
  handle: DatabaseHandle;
  issuer: TestIssuer;
  app: ReturnType<typeof paymentsApp>;
  ctx: PaymentsContext;
  keys: Keyring;
  /** The clock the simulator signs with and the service reads. */
  clock: { now: Date };
  /** Calls a route; `body` goes as JSON unless `raw` gives the body as it is. */
  call(
    claims: TokenClaims | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    raw?: string,
  ): Promise<Response>;
  /** The `n` a counting query returns. */
  count(query: string): Promise<number>;
  /** Delivers an event to the service's subscription, as the node's bus would. */
  deliver(event: EventEnvelope): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The payments service over a test database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * with the real bank simulator as its provider and a clock tests can move.
 */
export async function paymentsHarness(
  options: { providers?: PaymentProvider[]; timeZone?: string } = {},
): Promise<PaymentsHarness> {
  const handle = await createTestDatabase();
  const issuer = await createTestIssuer();
  const clock = { now: new Date('2026-11-23T09:00:00Z') };
  const now = () => new Date(clock.now);
  const providers = options.providers ?? [bankSimulator({ secret: SIMULATOR_SECRET, now })];
  const keys = keyring([generateDataKey('test')]);
  const settings: PaymentsSettings = { uinPrefix: '10042200', publicUrl: PUBLIC_URL };
  const deps = {
    db: handle.db,
    verifier: issuer.verifier(),
    keyring: keys,
    payments: settings,
    extensions: collectExtensions([
      definePlugin({
        name: 'test-providers',
        version: '1',
        extensions: providers.map((p) => extend('payments.provider', p)),
      }),
    ]),
  };
  // The service reads the same clock: expiry and notices' freshness follow the test's time.
  const ctx = {
    ...paymentsContext(deps),
    now,
    ...(options.timeZone && { timeZone: options.timeZone }),
  };
  const app = paymentsApp(ctx, deps);
  const subscription = feeAccrualsSubscription(ctx, handle.db);
  const call: PaymentsHarness['call'] = async (claims, method, path, body, headers = {}, raw) =>
    app.request(path, {
      method,
      headers: {
        ...(claims && { authorization: `Bearer ${await issuer.sign(claims)}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(raw !== undefined && { body: raw }),
    });
  return {
    handle,
    issuer,
    app,
    ctx,
    keys,
    clock,
    call,
    count: async (query) => (await queryRows<{ n: number }>(handle.db, sql.raw(query)))[0]!.n,
    deliver: (event) => subscription.handle(event),
    async close() {
      await handle.close();
      await issuer.close();
    },
  };
}
