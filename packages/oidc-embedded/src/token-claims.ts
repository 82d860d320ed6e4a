import type { RealmModel } from '@okno/realm';
import type { Account } from './accounts';

/**
 * The Okno claims of a token, the same as the Keycloak realm's mappers put in: `region`,
 * `realm_access.roles`, and for people `preferred_username`, `agency`, `office`, `company`.
 */
export function personClaims(realm: RealmModel, user: Account): Record<string, unknown> {
  return {
    region: realm.region,
    realm_access: { roles: [...user.roles] },
    preferred_username: user.username,
    typ: 'Bearer',
    ...(user.agency === undefined ? {} : { agency: user.agency }),
    ...(user.office === undefined ? {} : { office: user.office }),
    ...(user.company === undefined ? {} : { company: user.company }),
  };
}

export function machineClaims(realm: RealmModel, clientId: string): Record<string, unknown> {
  const client = realm.clients.find((c) => c.clientId === clientId);
  const roles = client?.kind === 'machine' ? [...client.roles] : [];
  return {
    region: realm.region,
    realm_access: { roles },
    preferred_username: `service-account-${clientId}`,
    typ: 'Bearer',
    azp: clientId,
  };
}
