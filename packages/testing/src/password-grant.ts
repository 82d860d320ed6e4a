/**
 * The claims of the access token a person gets with the password grant at a realm's token
 * endpoint (development clients only); `undefined` when the sign-in is refused.
 */
export async function passwordGrantClaims(
  tokenUrl: string,
  username: string,
  password: string,
  clientId = 'okno-dev',
): Promise<Record<string, unknown> | undefined> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
  });
  if (!res.ok) return undefined;
  const { access_token } = (await res.json()) as { access_token: string };
  const payload = access_token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}
