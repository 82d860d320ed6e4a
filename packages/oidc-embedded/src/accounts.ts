import { timingSafeEqual } from 'node:crypto';
import { demoSubject, type DemoUser } from '@okno/realm';

/** A person the embedded provider signs in: what a Keycloak user's roles and attributes hold. */
export interface Account {
  subject: string;
  username: string;
  firstName: string;
  lastName: string;
  roles: readonly string[];
  agency?: string | undefined;
  office?: string | undefined;
  company?: string | undefined;
}

/** Where the embedded provider finds people; asked at every sign-in and token. */
export interface Accounts {
  bySubject(subject: string): Promise<Account | undefined>;
  /** The enabled person whose password matches: on a development node, their username. */
  authenticate(username: string, password: string): Promise<Account | undefined>;
  /** Up to `limit` people, by username, for the sign-in page's list. */
  list(limit: number): Promise<Account[]>;
}

/** Development passwords equal usernames; compared in constant time all the same. */
export function developmentPasswordMatches(username: string, password: string): boolean {
  const expected = Buffer.from(username);
  const given = Buffer.from(password);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const accountOf = (user: DemoUser): Account => ({
  subject: demoSubject(user.username),
  ...user,
});

/** A fixed list of people, held in memory: the provider's own tests. */
export function memoryAccounts(users: readonly DemoUser[]): Accounts {
  const accounts = users.map(accountOf).sort((a, b) => a.username.localeCompare(b.username));
  const bySubject = new Map(accounts.map((a) => [a.subject, a]));
  const byName = new Map(accounts.map((a) => [a.username, a]));
  return {
    bySubject: (subject) => Promise.resolve(bySubject.get(subject)),
    authenticate(username, password) {
      const account = byName.get(username);
      return Promise.resolve(
        account && developmentPasswordMatches(account.username, password) ? account : undefined,
      );
    },
    list: (limit) => Promise.resolve(accounts.slice(0, limit)),
  };
}
