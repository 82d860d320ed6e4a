import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRoles } from '@okno/auth';
import {
  DEV_CLIENT_ID,
  describeRealm,
  loadRegionConfig,
  PORTAL_CLIENT_ID,
  RegionConfig,
  toKeycloakRealm,
  toKeycloakUsers,
  demoUsers,
  withDevelopmentClient,
} from '../src';

const root = resolve(import.meta.dirname, '../../..');
const config = loadRegionConfig(join(root, 'deploy/regions/ru-kem.json'));

type Client = {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  redirectUris?: string[];
  attributes?: Record<string, string>;
  protocolMappers: { protocolMapper: string; config: Record<string, string> }[];
};
const realmJson = (dev = false) => {
  const model = describeRealm(config);
  return toKeycloakRealm(dev ? withDevelopmentClient(model) : model) as {
    realm: string;
    bruteForceProtected: boolean;
    accessTokenLifespan: number;
    passwordPolicy: string;
    roles: { realm: { name: string }[] };
    clients: Client[];
    users: { username: string; serviceAccountClientId: string; realmRoles: string[] }[];
  };
};

describe('the Keycloak realm of a region', () => {
  it('is named after the region and defines every Okno role', () => {
    const realm = realmJson();
    expect(realm.realm).toBe('ru-kem');
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...allRoles].sort());
  });

  it('protects sign-in: brute-force detection, a password policy, short access tokens', () => {
    const realm = realmJson();
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.passwordPolicy).toMatch(/length\(12\)/);
    expect(realm.accessTokenLifespan).toBe(300);
  });

  it('has a public browser client with PKCE S256 and exact redirect URIs only', () => {
    const portal = realmJson().clients.find((c) => c.clientId === PORTAL_CLIENT_ID);
    expect(portal).toMatchObject({ publicClient: true, directAccessGrantsEnabled: false });
    expect(portal?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(portal?.redirectUris).toEqual(config.portal.redirectUris);
    expect(portal?.redirectUris?.some((u) => u.includes('*'))).toBe(false);
  });

  it('puts audience, region, agency, office and company in every client token', () => {
    for (const client of realmJson(true).clients) {
      const mappers = client.protocolMappers;
      expect(mappers, client.clientId).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-audience-mapper',
          config: expect.objectContaining({ 'included.custom.audience': 'okno' }) as unknown,
        }),
      );
      expect(mappers, client.clientId).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-hardcoded-claim-mapper',
          config: expect.objectContaining({ 'claim.value': 'RU-KEM' }) as unknown,
        }),
      );
      const attributes = mappers
        .filter((m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper')
        .map((m) => m.config['claim.name']);
      expect(attributes.sort(), client.clientId).toEqual(['agency', 'company', 'office']);
    }
  });

  it('gives partners confidential clients with their roles and no secret in the file', () => {
    const realm = realmJson();
    for (const partner of config.partners) {
      const client = realm.clients.find((c) => c.clientId === partner.clientId);
      expect(client).toMatchObject({ publicClient: false, serviceAccountsEnabled: true });
      expect(client?.secret).toBeUndefined();
      const account = realm.users.find((u) => u.serviceAccountClientId === partner.clientId);
      expect(account?.realmRoles).toEqual(partner.roles);
    }
  });

  it('allows the password grant only in the development realm', () => {
    expect(realmJson().clients.some((c) => c.directAccessGrantsEnabled)).toBe(false);
    const dev = realmJson(true).clients.filter((c) => c.directAccessGrantsEnabled);
    expect(dev.map((c) => c.clientId)).toEqual([DEV_CLIENT_ID]);
  });

  it('keeps demo people in their own file, officers with agency and office', () => {
    const { users } = toKeycloakUsers(describeRealm(config), demoUsers) as {
      users: { username: string; attributes: Record<string, string[]> }[];
    };
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['citizen1', 'counter1', 'officer1', 'officer2', 'federal1']),
    );
    const officer1 = users.find((u) => u.username === 'officer1');
    const officer2 = users.find((u) => u.username === 'officer2');
    expect(officer1?.attributes['agency']).not.toEqual(officer2?.attributes['agency']);
    expect(officer1?.attributes['office']).toHaveLength(1);
  });

  it('refuses a configuration with a wildcard redirect or a bad region code, naming the field', () => {
    const bad = RegionConfig.safeParse({
      ...config,
      code: 'Kemerovo',
      portal: { ...config.portal, redirectUris: ['https://portal.example/*'] },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'portal.redirectUris.0']));
  });
});
