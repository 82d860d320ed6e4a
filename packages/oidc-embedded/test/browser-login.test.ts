import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_CLIENT_ID } from '@okno/realm';
import { BrowserSession, pkcePair as pkce } from '@okno/testing';
import { startProviderServer, type ProviderServer } from './provider-server';

const redirectUri = 'http://localhost:5173/cb';
let server: ProviderServer;

beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(() => server.close());

function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: PORTAL_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state: 'state-1',
    ...params,
  });
  return `${server.issuer}/protocol/openid-connect/auth?${query.toString()}`;
}

/** Opens the authorization URL and lands on the sign-in form. */
async function openSignIn(browser: BrowserSession, challenge: string) {
  const start = await browser.request(
    authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }),
  );
  const { res, url } = await browser.follow(start, redirectUri);
  expect(res.status).toBe(200);
  const html = await res.text();
  return { html, action: BrowserSession.formAction(html, url) };
}

const signIn = (browser: BrowserSession, action: string, username: string, password: string) =>
  browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });

/** The portal's back channel: the code and its PKCE verifier for tokens. */
const exchange = (code: string, verifier: string, origin?: string) =>
  fetch(`${server.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(origin && { origin }),
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: PORTAL_CLIENT_ID,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });

describe('browser sign-in: authorization code with PKCE', () => {
  it('signs a demo person in and the portal gets a verifiable access token', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkce();
    const { html, action } = await openSignIn(browser, challenge);
    expect(html).toContain('citizen1');
    expect(action).toMatch(/\/realms\/ru-kem\/login-actions\//);

    const signedIn = await signIn(browser, action, 'counter1', 'counter1');
    const { url } = await browser.follow(signedIn, redirectUri);
    const callback = new URL(url);
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const res = await exchange(code!, verifier);
    expect(res.status, await res.clone().text()).toBe(200);
    const tokens = (await res.json()) as { access_token: string; id_token: string };
    expect(tokens.id_token).toBeTruthy();
    expect(await server.verifier.verify(tokens.access_token)).toMatchObject({
      roles: ['mfc-officer'],
      agency: 'mfc',
      office: 'mfc-kemerovo-central',
      clientId: PORTAL_CLIENT_ID,
    });
  });

  it('shows the form again on a wrong password, without a code', async () => {
    const browser = new BrowserSession();
    const { action } = await openSignIn(browser, pkce().challenge);
    const res = await signIn(browser, action, 'citizen1', 'citizen2');
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('Wrong username or password');
    expect(html).toContain('value="citizen1"');
  });

  it('refuses a code exchanged without its PKCE verifier', async () => {
    const browser = new BrowserSession();
    const { action } = await openSignIn(browser, pkce().challenge);
    const { url } = await browser.follow(
      await signIn(browser, action, 'citizen2', 'citizen2'),
      redirectUri,
    );
    const code = new URL(url).searchParams.get('code')!;
    const res = await exchange(code, pkce().verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it("lets the portal's web origin, and no other, call the token endpoint", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.issuer}/protocol/openid-connect/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const code = await exchange('not-a-code', pkce().verifier, 'https://evil.example');
    expect(code.status).toBe(400);
    expect(code.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('requires PKCE S256 and an exactly registered redirect URI', async () => {
    const browser = new BrowserSession();
    const withoutPkce = await browser.request(authorizeUrl({}));
    expect(new URL(withoutPkce.headers.get('location')!).searchParams.get('error')).toBe(
      'invalid_request',
    );
    const plain = await browser.request(
      authorizeUrl({ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }),
    );
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe(
      'invalid_request',
    );
    // An unregistered redirect URI is never redirected to: the error stays on the provider.
    const foreign = await browser.request(
      authorizeUrl({
        redirect_uri: 'http://localhost:5173/cb/evil',
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
      }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
  });
});
