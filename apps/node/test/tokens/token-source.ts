/**
 * Real tokens from one OpenID provider, good and bad, for the suite that checks a node accepts
 * exactly the right ones whichever provider issued them.
 */
export interface TokenSource {
  /** The realm's URL: the `iss` of its tokens. */
  readonly issuer: string;
  /** Where the portal client is sent back after sign-in (registered exactly in the realm). */
  readonly portalRedirectUri: string;
  /** The provider's JWKS, whose keys the forged tokens pretend to come from. */
  readonly jwksUrl: string;
  /** A demo person signed in with the password grant on the development client. */
  person(username: string): Promise<string>;
  /** A partner system's token from the client-credentials grant. */
  partner(clientId: string): Promise<string>;
  /** Signed by the provider, but for nobody in particular: no `aud`. */
  withoutAudience(): Promise<string>;
  /** Signed by the provider for another application's audience. */
  otherAudience(): Promise<string>;
  /** Signed by the provider with another region in the `region` claim. */
  otherRegion(): Promise<string>;
  /** Signed by the provider, and past its `exp` (beyond the clock tolerance). */
  expired(): Promise<string>;
  /** From another issuer than the one the node trusts. */
  otherIssuer(): Promise<string>;
}

export async function requestToken(
  tokenUrl: string,
  form: Record<string, string>,
  basic?: { id: string; secret: string },
): Promise<string> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic && {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString('base64')}`,
      }),
    },
    body: new URLSearchParams(form),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) {
    throw new Error(`token request to ${tokenUrl} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/** The claims of a JWT, unverified: for building look-alike tokens. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
