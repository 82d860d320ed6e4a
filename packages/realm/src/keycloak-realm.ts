import { oknoClaims } from '@okno/auth';
import type { DemoUser } from './demo-users';
import { keycloakPasswordCredential } from './keycloak-credential';
import type { ClientModel, RealmModel } from './realm-model';

// Keycloak's realm import format (RealmRepresentation), as much of it as Okno sets. Anything
// left out keeps Keycloak's defaults, including its built-in client scopes (basic, profile,
// roles, ...) which put `sub` and `realm_access.roles` in every token.

type Json = Record<string, unknown>;

const tokenClaim = { 'access.token.claim': 'true', 'introspection.token.claim': 'true' };

/** Mappers every Okno client carries, so every token has the same Okno claims. */
function oknoMappers(realm: RealmModel): Json[] {
  const userAttribute = (claim: string): Json => ({
    name: claim,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    config: {
      'user.attribute': claim,
      'claim.name': claim,
      'jsonType.label': 'String',
      'id.token.claim': 'true',
      'userinfo.token.claim': 'true',
      ...tokenClaim,
    },
  });
  return [
    {
      name: 'audience',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      config: { 'included.custom.audience': realm.audience, ...tokenClaim },
    },
    {
      name: oknoClaims.region,
      protocol: 'openid-connect',
      protocolMapper: 'oidc-hardcoded-claim-mapper',
      config: {
        'claim.name': oknoClaims.region,
        'claim.value': realm.region,
        'jsonType.label': 'String',
        'id.token.claim': 'true',
        'userinfo.token.claim': 'true',
        ...tokenClaim,
      },
    },
    userAttribute(oknoClaims.agency),
    userAttribute(oknoClaims.office),
    userAttribute(oknoClaims.company),
  ];
}

function client(model: ClientModel, realm: RealmModel): Json {
  const common = {
    clientId: model.clientId,
    name: model.name,
    enabled: true,
    protocol: 'openid-connect',
    implicitFlowEnabled: false,
    protocolMappers: oknoMappers(realm),
    fullScopeAllowed: true,
  };
  switch (model.kind) {
    case 'browser':
      return {
        ...common,
        publicClient: true,
        standardFlowEnabled: true,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: false,
        redirectUris: model.redirectUris,
        webOrigins: model.webOrigins,
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'post.logout.redirect.uris': model.postLogoutRedirectUris.join('##'),
        },
      };
    case 'machine':
      // No secret here: Keycloak generates one on import, and the region's administrator
      // hands it to the partner (docs/identity.md). A secret in a file would be a default one.
      return {
        ...common,
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: true,
      };
    case 'password':
      return {
        ...common,
        publicClient: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: true,
        serviceAccountsEnabled: false,
      };
  }
}

/** The declarative user profile, declaring Okno's attributes (editable by admins only). */
function userProfile(): Json {
  const adminOnly = { permissions: { view: ['admin'], edit: ['admin'] }, multivalued: false };
  const config = {
    unmanagedAttributePolicy: 'ADMIN_VIEW',
    attributes: [
      {
        name: 'username',
        displayName: '${username}',
        validations: { length: { min: 3, max: 255 }, 'username-prohibited-characters': {} },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      },
      {
        name: 'email',
        displayName: '${email}',
        validations: { email: {}, length: { max: 255 } },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      },
      ...['firstName', 'lastName'].map((name) => ({
        name,
        displayName: `\${${name}}`,
        validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
        permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
        multivalued: false,
      })),
      ...[oknoClaims.agency, oknoClaims.office, oknoClaims.company].map((name) => ({
        name,
        displayName: name,
        ...adminOnly,
      })),
    ],
    groups: [],
  };
  return {
    'org.keycloak.userprofile.UserProfileProvider': [
      {
        providerId: 'declarative-user-profile',
        subComponents: {},
        config: { 'kc.user.profile.config': [JSON.stringify(config)] },
      },
    ],
  };
}

/** The realm import for Keycloak: the realm, its roles and clients, no people. */
export function toKeycloakRealm(realm: RealmModel): Json {
  const machines = realm.clients.filter((c) => c.kind === 'machine');
  return {
    realm: realm.name,
    displayName: realm.displayName,
    enabled: true,
    sslRequired: 'external',
    registrationAllowed: false,
    loginWithEmailAllowed: true,
    duplicateEmailsAllowed: false,
    resetPasswordAllowed: true,
    // Brute-force detection: temporary lockouts growing from 1 to 15 minutes.
    bruteForceProtected: true,
    permanentLockout: false,
    failureFactor: 5,
    waitIncrementSeconds: 60,
    maxFailureWaitSeconds: 900,
    maxDeltaTimeSeconds: 43200,
    passwordPolicy:
      'length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(5)',
    accessTokenLifespan: realm.accessTokenSeconds,
    accessTokenLifespanForImplicitFlow: realm.accessTokenSeconds,
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 36000,
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
    defaultSignatureAlgorithm: 'RS256',
    internationalizationEnabled: true,
    supportedLocales: ['ru', 'en'],
    defaultLocale: 'ru',
    roles: { realm: realm.roles.map(({ name, description }) => ({ name, description })) },
    clients: realm.clients.map((c) => client(c, realm)),
    // Each machine client's service account holds that client's roles.
    users: machines.map((c) => ({
      username: `service-account-${c.clientId}`,
      enabled: true,
      serviceAccountClientId: c.clientId,
      realmRoles: c.roles,
      ...(c.managesUsers && {
        clientRoles: { 'realm-management': ['manage-users', 'view-users', 'query-users'] },
      }),
    })),
    components: userProfile(),
  };
}

/** Demo people for Keycloak (development only): a separate `<realm>-users-0.json`. */
export function toKeycloakUsers(realm: RealmModel, users: readonly DemoUser[]): Json {
  return {
    realm: realm.name,
    users: users.map((u) => ({
      username: u.username,
      enabled: true,
      email: `${u.username}@demo.okno.invalid`,
      emailVerified: true,
      firstName: u.firstName,
      lastName: u.lastName,
      realmRoles: u.roles,
      attributes: Object.fromEntries(
        (['agency', 'office', 'company'] as const).flatMap((k) => {
          const value = u[k];
          return value === undefined ? [] : [[k, [value]]];
        }),
      ),
      credentials: [keycloakPasswordCredential(u.username, u.username)],
    })),
  };
}
