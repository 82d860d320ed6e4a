/** The few calls of Keycloak's admin REST API the test suite needs. */
export class KeycloakAdmin {
  private constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async signIn(url: string, username: string, password: string): Promise<KeycloakAdmin> {
    const res = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username,
        password,
      }),
    });
    if (!res.ok)
      throw new Error(`Keycloak admin sign-in failed: ${res.status} ${await res.text()}`);
    return new KeycloakAdmin(url, ((await res.json()) as { access_token: string }).access_token);
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}/admin/realms/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  }

  private async clientUuid(realm: string, clientId: string): Promise<string | undefined> {
    const res = await this.call('GET', `${realm}/clients?clientId=${encodeURIComponent(clientId)}`);
    return ((await res.json()) as { id: string }[])[0]?.id;
  }

  /** Creates a client, replacing one of the same id left by an earlier run. */
  async putClient(realm: string, client: { clientId: string } & Record<string, unknown>) {
    const existing = await this.clientUuid(realm, client.clientId);
    if (existing) await this.call('DELETE', `${realm}/clients/${existing}`);
    await this.call('POST', `${realm}/clients`, client);
  }

  /** The id of the user of this username, if the realm has them. */
  async userId(realm: string, username: string): Promise<string | undefined> {
    const res = await this.call(
      'GET',
      `${realm}/users?exact=true&username=${encodeURIComponent(username)}`,
    );
    return ((await res.json()) as { id: string }[])[0]?.id;
  }

  /** A user as Keycloak holds them, with their realm roles' names. */
  async user(realm: string, id: string) {
    const user = (await (await this.call('GET', `${realm}/users/${id}`)).json()) as {
      username: string;
      enabled: boolean;
      firstName: string;
      attributes?: Record<string, string[]>;
    };
    const roles = (await (
      await this.call('GET', `${realm}/users/${id}/role-mappings/realm`)
    ).json()) as { name: string }[];
    return { ...user, roles: roles.map((r) => r.name) };
  }

  /** Gives a user a password (not temporary), as the realm's administrator would. */
  async setPassword(realm: string, id: string, password: string): Promise<void> {
    await this.call('PUT', `${realm}/users/${id}/reset-password`, {
      type: 'password',
      value: password,
      temporary: false,
    });
  }

  async clientSecret(realm: string, clientId: string): Promise<string> {
    const id = await this.clientUuid(realm, clientId);
    if (!id) throw new Error(`no client ${clientId} in realm ${realm}`);
    const res = await this.call('GET', `${realm}/clients/${id}/client-secret`);
    return ((await res.json()) as { value: string }).value;
  }
}
