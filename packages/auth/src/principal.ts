/** Who is calling, as established from a verified access token. */
export interface Principal {
  /** The token's subject: a person, or a machine client of a partner system. */
  readonly subject: string;
  /** The region the token was issued for; a node refuses any other region's tokens. */
  readonly region: string;
  readonly roles: readonly string[];
  /** Officers carry the agency and office they work for. */
  readonly agency?: string;
  readonly office?: string;
  /** Set for machine clients (client-credentials grant). */
  readonly clientId?: string;
}

export function hasRole(principal: Principal, role: string): boolean {
  return principal.roles.includes(role);
}
