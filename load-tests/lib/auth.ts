import http from 'k6/http';
import { fail } from 'k6';
import { tokenUrl } from './config.ts';

/**
 * An access token for a demo person, by the development password grant (`okno-dev`): the same
 * call works against the embedded provider and a Keycloak with the development realm. Called
 * in `setup()`, so the login is not part of what is measured.
 */
export function personToken(username: string, password = username): string {
  return token({ grant_type: 'password', client_id: 'okno-dev', username, password });
}

/** An access token for a partner system, by client credentials. */
export function clientToken(clientId: string, clientSecret: string): string {
  return token({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
}

function token(form: Record<string, string>): string {
  const res = http.post(tokenUrl, form, { tags: { name: 'token' } });
  const accessToken = res.status === 200 ? (res.json('access_token') as string | null) : null;
  if (!accessToken) {
    const body = typeof res.body === 'string' ? res.body.slice(0, 200) : '';
    fail(`no token from ${tokenUrl}: ${res.status} ${body}`);
  }
  return accessToken;
}

export const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });
