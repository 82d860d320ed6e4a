import { oknoClaims, allRoles } from '@okno/auth';
import type { PeopleDirectorySettings } from '@okno/http';
import type { RealmPeople, RealmPerson } from './realm-people';

type Settings = Extract<PeopleDirectorySettings, { kind: 'keycloak' }>;
interface UserRepresentation {
  attributes?: Record<string, string[]>;
  [field: string]: unknown;
}
interface RoleRepresentation {
  id: string;
  name: string;
}

/** Keycloak refused or failed a call: the import stops there, and a rerun carries on. */
export class KeycloakError extends Error {}

/**
 * The region Keycloak's users, written through its admin REST API as the `okno-people`
 * client's service account (client credentials; it may manage users, nothing else). A person
 * is found by username; their Okno attributes and realm roles are set to what the directory
 * says, and roles Okno does not know (Keycloak's defaults) are left alone. No password is set:
 * a new person gets one through the realm's own flows (docs/identity.md).
 */
export function keycloakPeople(settings: Settings): RealmPeople {
  const base = `${settings.url.replace(/\/$/, '')}/admin/realms/${encodeURIComponent(settings.realm)}`;
  let token: { value: string; until: number } | undefined;

  const bearer = async (): Promise<string> => {
    if (token && token.until > Date.now()) return token.value;
    const res = await fetch(
      `${settings.url.replace(/\/$/, '')}/realms/${encodeURIComponent(settings.realm)}/protocol/openid-connect/token`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      },
    );
    if (!res.ok)
      throw new KeycloakError(`${settings.clientId} could not sign in to Keycloak: ${res.status}`);
    const answer = (await res.json()) as { access_token: string; expires_in: number };
    // Renewed half way through its life, so a long import never sends an expired one.
    token = { value: answer.access_token, until: Date.now() + (answer.expires_in * 1000) / 2 };
    return token.value;
  };
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await bearer()}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      throw new KeycloakError(
        `Keycloak ${method} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`,
      );
    }
    return res;
  };
  const userId = async (username: string): Promise<string | undefined> => {
    const res = await call(
      'GET',
      `/users?exact=true&briefRepresentation=true&username=${encodeURIComponent(username)}`,
    );
    const users = (await res.json()) as { id: string; username: string }[];
    return users.find((u) => u.username === username)?.id;
  };

  // Keycloak's user profile treats the name and e-mail as attributes: a PUT that sends
  // `attributes` without them clears them. So a change is made to the whole representation.
  const update = async (id: string, change: (user: UserRepresentation) => UserRepresentation) => {
    const user = (await (await call('GET', `/users/${id}`)).json()) as UserRepresentation;
    await call('PUT', `/users/${id}`, change(user));
  };

  return {
    kind: 'keycloak',
    subjectOf: userId,
    async disable(username) {
      const id = await userId(username);
      if (id) await update(id, (user) => ({ ...user, enabled: false }));
    },
    async place(username, placement) {
      const id = await userId(username);
      if (!id) throw new KeycloakError(`Keycloak has no user ${username}`);
      await update(id, (user) => ({
        ...user,
        enabled: placement.enabled,
        attributes: {
          ...user.attributes,
          ...workplaceAttributes({ ...placement, company: user.attributes?.['company']?.[0] }),
        },
      }));
      await setRealmRoles(id, placement.roles);
    },
    async save(person, dryRun = false) {
      if (dryRun) {
        const existing = await userId(person.username);
        return {
          subject: existing ?? `new:${person.username}`,
          outcome: existing ? 'changed' : 'added',
        };
      }
      const representation = toRepresentation(person);
      let id = await userId(person.username);
      const existed = id !== undefined;
      if (id) {
        // Attributes Okno does not set (an administrator's own) are kept.
        await update(id, (user) => ({
          ...user,
          ...representation,
          attributes: { ...user.attributes, ...representation.attributes },
        }));
      } else {
        const res = await call('POST', '/users', representation);
        id = res.headers.get('location')?.split('/').pop() ?? (await userId(person.username));
        if (!id)
          throw new KeycloakError(`Keycloak created ${person.username} but did not say where`);
      }
      await setRealmRoles(id, person.roles);
      return { subject: id, outcome: existed ? 'changed' : 'added' };
    },
  };

  async function setRealmRoles(id: string, wanted: readonly string[]) {
    // The roles the user could be given: asked of the user, since listing the realm's roles
    // needs more than managing users.
    const roles = async (path: string) =>
      (await (
        await call('GET', `/users/${id}/role-mappings/realm${path}`)
      ).json()) as RoleRepresentation[];
    const current = await roles('');
    const known = new Map((await roles('/available')).map((r) => [r.name, r]));
    const okno = new Set<string>(allRoles);
    const have = new Set(current.map((r) => r.name));
    const add = wanted.filter((r) => !have.has(r)).map((r) => known.get(r));
    const remove = current.filter((r) => okno.has(r.name) && !wanted.includes(r.name));
    if (add.some((r) => r === undefined)) {
      throw new KeycloakError(
        `the realm lacks one of the roles ${wanted.join(', ')}: regenerate and import it`,
      );
    }
    if (add.length > 0) await call('POST', `/users/${id}/role-mappings/realm`, add);
    if (remove.length > 0) await call('DELETE', `/users/${id}/role-mappings/realm`, remove);
  }
}

/** Okno's user attributes, each a list as Keycloak keeps them; one left empty is cleared. */
function workplaceAttributes(person: {
  agency?: string | undefined;
  office?: string | undefined;
  company?: string | undefined;
}) {
  const attribute = (value: string | undefined) => (value === undefined ? [] : [value]);
  return {
    [oknoClaims.agency]: attribute(person.agency),
    [oknoClaims.office]: attribute(person.office),
    [oknoClaims.company]: attribute(person.company),
  };
}

/** Keycloak's UserRepresentation of a person. */
function toRepresentation(person: RealmPerson) {
  return {
    username: person.username,
    firstName: person.firstName,
    lastName: person.lastName,
    ...(person.email !== undefined && { email: person.email }),
    enabled: person.enabled,
    attributes: workplaceAttributes(person),
  };
}
