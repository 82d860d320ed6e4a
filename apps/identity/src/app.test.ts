import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
} from '@okno/testing';
import { createIdentityApp, identityService } from './app';

let handle: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createIdentityApp>;

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  await identityService.seedDemo?.(handle.db);
  app = createIdentityApp({
    db: handle.db,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
  });
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

describe(`identity on ${testDatabaseKind}`, () => {
  it("lists the region's agencies from the database", async () => {
    const res = await app.request('/agencies?limit=100');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { code: string }[]; nextCursor: null };
    expect(page.items.map((a) => a.code)).toContain('social-protection');
    expect(page.nextCursor).toBeNull();
  });

  it('finds one agency and 404s an unknown one', async () => {
    expect((await app.request('/agencies/education')).status).toBe(200);
    expect((await app.request('/agencies/ministry-of-magic')).status).toBe(404);
  });

  it('tells an officer who they are, with agency and office', async () => {
    const token = await issuer.sign({
      sub: 'officer-7',
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'kem-mfc-1',
    });
    const res = await app.request('/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual({
      subject: 'officer-7',
      region: 'RU-KEM',
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'kem-mfc-1',
    });
  });

  it('needs a token for /me', async () => {
    expect((await app.request('/me')).status).toBe(401);
  });
});
