import type { Keyring } from '@okno/crypto';
import type { RegionSettings } from '@okno/http';
import type { CatalogueClient } from './catalogue-client';

/** What the applications routes work with besides the request: set up once per app. */
export interface ApplicationsContext {
  keyring: Keyring;
  region: RegionSettings;
  catalogue: CatalogueClient;
  /** Today's date in the region; a function so that tests and the deadline job can move it. */
  now: () => Date;
}
