export { demoSubject, demoUsers, type DemoUser } from './demo-users';
export { toKeycloakRealm, toKeycloakUsers } from './keycloak-realm';
export {
  DEV_CLIENT_ID,
  describeRealm,
  embeddedClients,
  OKNO_AUDIENCE,
  PEOPLE_CLIENT_ID,
  PORTAL_CLIENT_ID,
  SERVICES_CLIENT_ID,
  withDevelopmentClient,
  type ClientModel,
  type RealmModel,
} from './realm-model';
export { PartnerClient, RegionConfig, realmName } from './region-config';
export { loadRegionConfig } from './load-region-config';
export { developmentRegionConfig } from './development-region';
export { realmFiles } from './realm-files';
