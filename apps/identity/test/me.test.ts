import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@okno/testing';
import { identityHarness, type IdentityHarness } from './identity-harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await identityHarness();
});
afterAll(() => h.close());

describe(`who am I, on ${testDatabaseKind}`, () => {
  it('tells an officer who they are, with agency and office', async () => {
    const claims = {
      sub: 'officer-7',
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'kem-mfc-1',
    };
    const res = await h.as(claims, '/me');
    expect(await res.json()).toEqual({
      subject: 'officer-7',
      region: 'RU-KEM',
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'kem-mfc-1',
    });
  });

  it('needs a token for /me', async () => {
    expect((await h.app.request('/me')).status).toBe(401);
  });
});
