/**
 * The access token a person gets with the password grant at a realm's token endpoint
 * (development clients only); `undefined` when the sign-in is refused.
 */
export async function passwordGrantToken(
  tokenUrl: string,
  username: string,
  password: string,
  clientId = 'okno-dev',
): Promise<string | undefined> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
  });
  if (!res.ok) return undefined;
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The claims of that token, read without checking it (the node checks it). */
export async function passwordGrantClaims(
  ...args: Parameters<typeof passwordGrantToken>
): Promise<Record<string, unknown> | undefined> {
  const token = await passwordGrantToken(...args);
  if (token === undefined) return undefined;
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}
