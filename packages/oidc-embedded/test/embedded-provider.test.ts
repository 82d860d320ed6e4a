import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenVerifier } from '@okno/auth';
import { demoUsers, DEV_CLIENT_ID } from '@okno/realm';
import { createEmbeddedProvider, memoryAccounts, type ProviderSecrets } from '../src';
import { realm, startProviderServer, type ProviderServer } from './provider-server';

let server: ProviderServer;
let issuer: string;
let secrets: ProviderSecrets;
let verifier: TokenVerifier;

beforeAll(async () => {
  server = await startProviderServer();
  ({ issuer, secrets, verifier } = server);
});
afterAll(() => server.close());

const token = (form: Record<string, string>, basic?: string) =>
  fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic ? { authorization: `Basic ${Buffer.from(basic).toString('base64')}` } : {}),
    },
    body: new URLSearchParams(form),
  });

const passwordGrant = (username: string, password = username) =>
  token({ grant_type: 'password', client_id: DEV_CLIENT_ID, username, password });

describe('the embedded OpenID provider', () => {
  it("publishes discovery at Keycloak's URLs", async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    });
    expect(discovery['code_challenge_methods_supported']).toEqual(['S256']);
  });

  it('signs demo people in with the password grant; tokens carry Okno claims', async () => {
    const res = await passwordGrant('officer1');
    expect(res.status, await res.clone().text()).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    expect(await verifier.verify(access_token)).toMatchObject({
      region: 'RU-KEM',
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'social-kemerovo',
      username: 'officer1',
    });
  });

  it('gives a business representative the company claim', async () => {
    const { access_token } = (await (await passwordGrant('business1')).json()) as {
      access_token: string;
    };
    expect(await verifier.verify(access_token)).toMatchObject({
      roles: ['business-representative'],
      company: '1024200000017',
    });
  });

  it('refuses a wrong password and an unknown person', async () => {
    for (const res of [
      await passwordGrant('citizen1', 'citizen2'),
      await passwordGrant('nobody'),
    ]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    }
  });

  it('issues partner tokens with client credentials and the partner role', async () => {
    const res = await token(
      { grant_type: 'client_credentials' },
      `partner-bank:${secrets.clientSecrets['partner-bank']}`,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    expect(await verifier.verify(access_token)).toMatchObject({
      roles: ['partner-bank'],
      clientId: 'partner-bank',
    });
  });

  it('refuses a wrong client secret, and the password grant to any other client', async () => {
    const wrong = await token({ grant_type: 'client_credentials' }, 'partner-bank:guess');
    expect(wrong.status).toBe(401);
    const viaPartner = await token(
      { grant_type: 'password', username: 'admin1', password: 'admin1' },
      `partner-bank:${secrets.clientSecrets['partner-bank']}`,
    );
    expect(viaPartner.status).toBe(400);
    expect(await viaPartner.json()).toMatchObject({
      error_description: 'requested grant type is not allowed for this client',
    });
  });

  it('does not exist in production', () => {
    expect(() =>
      createEmbeddedProvider({
        realm,
        issuer,
        secrets,
        accounts: memoryAccounts(demoUsers),
        development: false,
      }),
    ).toThrow(/development only/);
  });
});
