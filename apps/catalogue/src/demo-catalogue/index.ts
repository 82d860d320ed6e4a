import type { DemoService } from './building-blocks';
import { businessAndTransport } from './business-and-transport';
import { community } from './community';
import { familyAndCivilStatus } from './family-and-civil-status';
import { identityAndResidence } from './identity-and-residence';
import { landAndProperty } from './land-and-property';
import { socialAndWork } from './social-and-work';

/** The demo catalogue: realistic services of a Russian region, in Russian and English. */
export const demoServices: readonly DemoService[] = [
  ...familyAndCivilStatus,
  ...identityAndResidence,
  ...socialAndWork,
  ...landAndProperty,
  ...businessAndTransport,
  ...community,
];
