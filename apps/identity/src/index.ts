export { createIdentityApp, identityInfo, identityService } from './app';
