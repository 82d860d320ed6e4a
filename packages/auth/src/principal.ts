/** Who is calling, as established from a verified access token. */
export interface Principal {
  /** The token's subject: a person, or a machine client of a partner system. */
  readonly subject: string;
  /** The region the token was issued for; a node refuses any other region's tokens. */
  readonly region: string;
  readonly roles: readonly string[];
  /** OAuth scopes granted to the token (space-separated `scope` claim). */
  readonly scopes: readonly string[];
  /** Staff carry the agency they work for and, in front and back offices, their office. */
  readonly agency?: string;
  readonly office?: string;
  /** A business representative carries the company (OGRN) they act for. */
  readonly company?: string;
  /** The OAuth client the token was issued to (`azp`): the portal, or a partner system. */
  readonly clientId?: string;
  /** A human-readable login name, for logs and audit trails. */
  readonly username?: string;
  /** The provider's session (`sid`): one sign-in, however many tokens it yields. */
  readonly sessionId?: string;
}

export function hasRole(principal: Principal, role: string): boolean {
  return principal.roles.includes(role);
}

export function hasAnyRole(principal: Principal, roles: readonly string[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope);
}
