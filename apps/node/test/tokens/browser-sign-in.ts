import { BrowserSession, pkcePair } from '@okno/testing';
import { PORTAL_CLIENT_ID } from '@okno/realm';
import { requestToken } from './token-source';

/**
 * Signs a person in the way the portal does: authorization code with PKCE S256, the
 * provider's own sign-in form, then the code exchanged for tokens. Works on Keycloak's form
 * and on the embedded provider's alike; returns the access token.
 */
export async function browserSignIn(
  provider: { issuer: string; portalRedirectUri: string },
  username: string,
): Promise<string> {
  const browser = new BrowserSession();
  const { verifier, challenge } = pkcePair();
  const redirectUri = provider.portalRedirectUri;
  const query = new URLSearchParams({
    client_id: PORTAL_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state: 'portal-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const start = await browser.request(
    `${provider.issuer}/protocol/openid-connect/auth?${query.toString()}`,
  );
  const form = await browser.follow(start, redirectUri);
  if (form.res.status !== 200)
    throw new Error(`no sign-in form: ${form.res.status} at ${form.url}`);
  const posted = await browser.request(BrowserSession.formAction(await form.res.text(), form.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: username }),
  });
  const callback = new URL((await browser.follow(posted, redirectUri)).url);
  const code = callback.searchParams.get('code');
  if (!code || callback.searchParams.get('state') !== 'portal-state') {
    throw new Error(`the provider did not return to the portal with a code: ${callback.href}`);
  }
  return requestToken(`${provider.issuer}/protocol/openid-connect/token`, {
    grant_type: 'authorization_code',
    client_id: PORTAL_CLIENT_ID,
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
}
