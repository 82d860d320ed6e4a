import { describe, expect, it } from 'vitest';
import { PEOPLE_CLIENT_ID } from '@okno/realm';
import { KeycloakAdmin, passwordGrantClaims } from '@okno/testing';
import { keycloakPeople } from '../src/people/keycloak-people';

// The staff import's writer against a real Keycloak that imported the generated development
// realm (CI starts one: TEST_KEYCLOAK_URL), as the realm's okno-people client.
const url = process.env['TEST_KEYCLOAK_URL'];
const realm = 'ru-kem';

describe.skipIf(!url)('people written to Keycloak', () => {
  const admin = () =>
    KeycloakAdmin.signIn(
      url ?? '',
      process.env['TEST_KEYCLOAK_ADMIN'] ?? '',
      process.env['TEST_KEYCLOAK_ADMIN_PASSWORD'] ?? '',
    );
  const people = async () =>
    keycloakPeople({
      kind: 'keycloak',
      url: url ?? '',
      realm,
      clientId: PEOPLE_CLIENT_ID,
      clientSecret: await (await admin()).clientSecret(realm, PEOPLE_CLIENT_ID),
    });
  const username = `import.${Date.now()}`;
  const officer = {
    username,
    firstName: 'Ирина',
    lastName: 'Белова',
    email: `${username}@tomsk.example`,
    roles: ['back-office-officer'],
    agency: 'social-protection',
    office: 'social-kemerovo',
    enabled: true,
  };

  it('creates a person with their roles and workplace, whose token then says so', async () => {
    const directory = await people();
    const { subject, outcome } = await directory.save(officer);
    expect(outcome).toBe('added');
    const kc = await admin();
    expect(await kc.userId(realm, username)).toBe(subject);
    const user = await kc.user(realm, subject);
    expect(user.attributes).toMatchObject({
      agency: ['social-protection'],
      office: ['social-kemerovo'],
    });
    expect(user.roles).toContain('back-office-officer');

    await kc.setPassword(realm, subject, 'Long enough pass 1');
    const claims = await passwordGrantClaims(
      `${url}/realms/${realm}/protocol/openid-connect/token`,
      username,
      'Long enough pass 1',
    );
    expect(claims).toMatchObject({
      sub: subject,
      region: 'RU-KEM',
      agency: 'social-protection',
      office: 'social-kemerovo',
    });
    expect((claims?.['realm_access'] as { roles: string[] }).roles).toContain(
      'back-office-officer',
    );
  });

  it('updates the same person: a role taken away, an office cleared, Keycloak defaults kept', async () => {
    const directory = await people();
    const { subject } = await directory.save({
      ...officer,
      roles: ['supervisor'],
      office: undefined,
    });
    const user = await (await admin()).user(realm, subject);
    expect(user.roles).toContain('supervisor');
    expect(user.roles).not.toContain('back-office-officer');
    expect(user.roles).toContain(`default-roles-${realm}`);
    expect(user.attributes?.['office'] ?? []).toEqual([]);
    expect(user.attributes?.['agency']).toEqual(['social-protection']);
    expect(await directory.subjectOf(username)).toBe(subject);
  });

  it("follows the directory's edit: roles and workplace set, the name left alone", async () => {
    const directory = await people();
    await directory.place(username, { roles: ['auditor'], enabled: true });
    const kc = await admin();
    const user = await kc.user(realm, (await kc.userId(realm, username)) ?? '');
    expect(user.roles).toContain('auditor');
    expect(user.roles).not.toContain('supervisor');
    expect(user.attributes?.['agency'] ?? []).toEqual([]);
    expect(user.firstName).toBe('Ирина');
    expect(user.enabled).toBe(true);
  });

  it('disables a person who left', async () => {
    const directory = await people();
    await directory.disable(username);
    const kc = await admin();
    const user = await kc.user(realm, (await kc.userId(realm, username)) ?? '');
    expect(user.enabled).toBe(false);
    expect(user.firstName).toBe('Ирина');
  });

  it('says plainly when its client secret is wrong', async () => {
    const directory = keycloakPeople({
      kind: 'keycloak',
      url: url ?? '',
      realm,
      clientId: PEOPLE_CLIENT_ID,
      clientSecret: 'not-the-secret',
    });
    await expect(directory.save(officer)).rejects.toThrow(/okno-people could not sign in/);
  });
});
