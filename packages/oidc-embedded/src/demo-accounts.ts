import { timingSafeEqual } from 'node:crypto';
import { demoSubject, type DemoUser } from '@okno/realm';

export interface DemoAccounts {
  bySubject(subject: string): DemoUser | undefined;
  /** The person whose password matches; demo passwords equal usernames. */
  authenticate(username: string, password: string): DemoUser | undefined;
}

export function demoAccounts(users: readonly DemoUser[]): DemoAccounts {
  const subjects = new Map(users.map((u) => [demoSubject(u.username), u]));
  const names = new Map(users.map((u) => [u.username, u]));
  return {
    bySubject: (subject) => subjects.get(subject),
    authenticate(username, password) {
      const user = names.get(username);
      if (!user) return undefined;
      const expected = Buffer.from(user.username);
      const given = Buffer.from(password);
      return expected.length === given.length && timingSafeEqual(expected, given)
        ? user
        : undefined;
    },
  };
}
