import { createCatalogueApp, seedDemoOffices } from '@okno/catalogue';
import { generateDataKey, keyring, type Keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import type { PeopleDirectorySettings } from '@okno/http';
import {
  createTestDatabase,
  createTestIssuer,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { createIdentityApp, identityService } from '../src/app';

export interface IdentityHarness {
  handle: DatabaseHandle;
  keys: Keyring;
  app: ReturnType<typeof createIdentityApp>;
  /** A request made by the holder of a token with these claims. */
  as(claims: TokenClaims, path: string, init?: RequestInit): Promise<Response>;
  /** A call to the catalogue beside it, as the regional administrator; throws unless 2xx. */
  catalogue(method: string, path: string, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * The identity service over a real database with its demo data, and a real token issuer;
 * beside it the real catalogue with the demo agencies and offices, which identity reads through
 * the catalogue's API in-process, as the node composes them.
 */
export async function identityHarness(
  options: { people?: PeopleDirectorySettings } = { people: { kind: 'embedded' } },
): Promise<IdentityHarness> {
  const handle = await createTestDatabase();
  const issuer: TestIssuer = await createTestIssuer();
  await identityService.seedDemo?.(handle.db);
  await seedDemoOffices(handle.db);
  const catalogue = createCatalogueApp({ db: handle.db, verifier: issuer.verifier() });
  const keys = keyring([generateDataKey('test')]);
  const app = createIdentityApp({
    db: handle.db,
    verifier: issuer.verifier(),
    keyring: keys,
    ...(options.people && { people: options.people }),
    callService: async (service, path, init) =>
      service === 'catalogue' ? catalogue.request(path, init) : new Response(null, { status: 404 }),
  });
  return {
    handle,
    keys,
    app,
    async as(claims, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await issuer.sign(claims)}`);
      if (init.body !== undefined) headers.set('content-type', 'application/json');
      return app.request(path, { ...init, headers });
    },
    async catalogue(method, path, body) {
      const res = await catalogue.request(path, {
        method,
        headers: {
          authorization: `Bearer ${await issuer.sign(admin)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok)
        throw new Error(`catalogue ${method} ${path}: ${res.status} ${await res.text()}`);
    },
    async close() {
      await handle.close();
      await issuer.close();
    },
  };
}

export const citizen = (sub: string): TokenClaims => ({
  sub,
  roles: ['citizen'],
  preferred_username: sub,
});
export const admin: TokenClaims = {
  sub: 'admin-1',
  roles: ['regional-admin'],
  preferred_username: 'admin1',
};
export const auditor: TokenClaims = { sub: 'auditor-1', roles: ['auditor'] };
