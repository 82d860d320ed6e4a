import type { Database } from '@okno/db';
import type { PeopleDirectorySettings } from '@okno/http';
import { accountStore } from '@okno/oidc-embedded/accounts';
import { keycloakPeople } from './keycloak-people';

/** A person as the region's realm holds them: what their tokens will say. */
export interface RealmPerson {
  username: string;
  firstName: string;
  lastName: string;
  email?: string | undefined;
  roles: readonly string[];
  agency?: string | undefined;
  office?: string | undefined;
  company?: string | undefined;
  enabled: boolean;
}

/** Where the people who sign in are written: the one seam between the directory and a provider. */
export interface RealmPeople {
  readonly kind: PeopleDirectorySettings['kind'];
  /**
   * Creates or updates the person of this username; answers their subject (the token's `sub`)
   * and whether they are new (`changed` when the realm cannot tell a change from none). A dry
   * run writes nothing and says what would be done.
   */
  save(
    person: RealmPerson,
    dryRun?: boolean,
  ): Promise<{ subject: string; outcome: 'added' | 'changed' | 'unchanged' }>;
  /** The subject of a username, if the realm has them. */
  subjectOf(username: string): Promise<string | undefined>;
  /** Stops the person of this username signing in (nothing if the realm lacks them). */
  disable(username: string): Promise<void>;
}

export function realmPeople(settings: PeopleDirectorySettings, db: Database): RealmPeople {
  if (settings.kind === 'keycloak') return keycloakPeople(settings);
  const store = accountStore(db);
  return {
    kind: 'embedded',
    save: (person, dryRun) => store.save(person, dryRun),
    subjectOf: (username) => store.subjectOf(username),
    disable: (username) => store.disable(username),
  };
}
