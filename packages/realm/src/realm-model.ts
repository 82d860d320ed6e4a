import { allRoles, machineRoles, type MachineRole, type Role } from '@okno/auth';
import { realmName, type RegionConfig } from './region-config';
import { roleDescriptions } from './role-descriptions';

/** The audience every Okno access token carries, and every service requires. */
export const OKNO_AUDIENCE = 'okno';
/** The public browser client: the portal and the officers' workplace. */
export const PORTAL_CLIENT_ID = 'okno-portal';
/** Okno's services calling each other. */
export const SERVICES_CLIENT_ID = 'okno-services';
/**
 * The identity service writing the staff a region imports into its realm: its service account
 * may manage the realm's users (Keycloak's `realm-management` roles) and holds no Okno role.
 */
export const PEOPLE_CLIENT_ID = 'okno-people';
/** Development only: a public client allowed the password grant, for scripts and load tests. */
export const DEV_CLIENT_ID = 'okno-dev';

export type ClientModel =
  | {
      kind: 'browser';
      clientId: string;
      name: string;
      redirectUris: readonly string[];
      webOrigins: readonly string[];
      postLogoutRedirectUris: readonly string[];
    }
  | {
      kind: 'machine';
      clientId: string;
      name: string;
      roles: readonly MachineRole[];
      /** Its service account may create and update the realm's users. */
      managesUsers?: true;
    }
  | { kind: 'password'; clientId: string; name: string };

/** A region's identity realm, independent of which provider serves it. */
export interface RealmModel {
  name: string;
  displayName: string;
  region: string;
  audience: string;
  accessTokenSeconds: number;
  roles: readonly { name: Role; description: string }[];
  clients: readonly ClientModel[];
}

export function describeRealm(config: RegionConfig): RealmModel {
  return {
    name: realmName(config.code),
    displayName: `Okno · ${config.name.ru}`,
    region: config.code,
    audience: OKNO_AUDIENCE,
    accessTokenSeconds: config.accessTokenMinutes * 60,
    roles: allRoles.map((name) => ({ name, description: roleDescriptions[name] })),
    clients: [
      {
        kind: 'browser',
        clientId: PORTAL_CLIENT_ID,
        name: 'Okno portal',
        redirectUris: config.portal.redirectUris,
        webOrigins: config.portal.webOrigins,
        postLogoutRedirectUris: config.portal.postLogoutRedirectUris,
      },
      {
        kind: 'machine',
        clientId: SERVICES_CLIENT_ID,
        name: 'Okno services',
        roles: [machineRoles.service],
      },
      {
        kind: 'machine',
        clientId: PEOPLE_CLIENT_ID,
        name: 'Okno staff directory',
        roles: [],
        managesUsers: true,
      },
      ...config.partners.map((p) => ({ kind: 'machine' as const, ...p })),
    ],
  };
}

/**
 * The clients the embedded provider serves: all but the one that manages users, since it has
 * no admin API (the identity service writes its accounts in process).
 */
export function embeddedClients(realm: RealmModel): readonly ClientModel[] {
  return realm.clients.filter((c) => !(c.kind === 'machine' && c.managesUsers));
}

/** The development additions: the password-grant client (demo users come separately). */
export function withDevelopmentClient(realm: RealmModel): RealmModel {
  return {
    ...realm,
    clients: [
      ...realm.clients,
      {
        kind: 'password',
        clientId: DEV_CLIENT_ID,
        name: 'Development scripts (not in production)',
      },
    ],
  };
}
