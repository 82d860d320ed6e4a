import { generateDataKey, keyring, type Keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
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
  close(): Promise<void>;
}

/** The identity service over a real database with its demo data, and a real token issuer. */
export async function identityHarness(): Promise<IdentityHarness> {
  const handle = await createTestDatabase();
  const issuer: TestIssuer = await createTestIssuer();
  await identityService.seedDemo?.(handle.db);
  const keys = keyring([generateDataKey('test')]);
  const app = createIdentityApp({ db: handle.db, verifier: issuer.verifier(), keyring: keys });
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
