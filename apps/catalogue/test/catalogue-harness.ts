import type { DatabaseHandle } from '@okno/db';
import {
  createTestDatabase,
  createTestIssuer,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { createCatalogueApp } from '../src/app';
import { seedDemoAgencies } from '../src/demo-data';

export interface CatalogueHarness {
  handle: DatabaseHandle;
  app: ReturnType<typeof createCatalogueApp>;
  as(claims: TokenClaims, method: string, path: string, body?: unknown): Promise<Response>;
  /** A signed access token with these claims. */
  token(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

/**
 * The catalogue service over a real database with the demo region's agencies (and no other
 * demo data), and a real token issuer.
 */
export async function catalogueHarness(): Promise<CatalogueHarness> {
  const handle = await createTestDatabase();
  await seedDemoAgencies(handle.db);
  const issuer: TestIssuer = await createTestIssuer();
  const app = createCatalogueApp({ db: handle.db, verifier: issuer.verifier() });
  return {
    handle,
    app,
    async as(claims, method, path, body) {
      return app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${await issuer.sign(claims)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    token: (claims) => issuer.sign(claims),
    async close() {
      await handle.close();
      await issuer.close();
    },
  };
}

export const editorOf = (agency: string): TokenClaims => ({
  sub: `editor-${agency}`,
  roles: ['catalogue-editor'],
  agency,
});
