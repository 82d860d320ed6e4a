import type { DemoUser } from './demo-users';
import { toKeycloakRealm, toKeycloakUsers } from './keycloak-realm';
import { describeRealm, withDevelopmentClient } from './realm-model';
import type { RegionConfig } from './region-config';

/**
 * Every Keycloak import file of a region, by path relative to the output folder: the
 * production realm, and under `dev/` the realm with the development client plus the people to
 * sign in as (a region pack's staff and demo applicants, password = username). Keycloak's
 * directory import reads `<realm>-realm.json` and `<realm>-users-<n>.json`.
 */
export function realmFiles(
  config: RegionConfig,
  developmentPeople: readonly DemoUser[] = [],
): Map<string, string> {
  const realm = describeRealm(config);
  const devRealm = withDevelopmentClient(realm);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return new Map([
    [`${realm.name}-realm.json`, json(toKeycloakRealm(realm))],
    [`dev/${realm.name}-realm.json`, json(toKeycloakRealm(devRealm))],
    [`dev/${realm.name}-users-0.json`, json(toKeycloakUsers(devRealm, developmentPeople))],
  ]);
}
