import type { Database } from '@okno/db';
import { ProblemError, type PeopleDirectorySettings } from '@okno/http';
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
  /**
   * Gives the person the directory's roles and workplace (and lets them sign in or not),
   * leaving their name and password alone: an administrator's edit of the staff directory.
   */
  place(username: string, placement: Placement): Promise<void>;
}

/** What the staff directory says of a person that their tokens must say too. */
export interface Placement {
  roles: readonly string[];
  agency?: string | undefined;
  office?: string | undefined;
  enabled: boolean;
}

export function realmPeople(settings: PeopleDirectorySettings, db: Database): RealmPeople {
  if (settings.kind === 'keycloak') return keycloakPeople(settings);
  const store = accountStore(db);
  return {
    kind: 'embedded',
    save: (person, dryRun) => store.save(person, dryRun),
    subjectOf: (username) => store.subjectOf(username),
    disable: (username) => store.disable(username),
    place: (username, placement) => store.place(username, placement),
  };
}

/** What a node that cannot write its provider's people answers a change to them. */
export const noPeopleDirectory = () =>
  new ProblemError({
    status: 503,
    type: 'service-unavailable',
    title: 'No people directory',
    detail:
      'This node cannot write people to its OpenID provider: set OKNO_PEOPLE_CLIENT_SECRET to the secret of the realm client okno-people (docs/identity.md).',
  });
