import { createHash, timingSafeEqual } from 'node:crypto';
import type { DemoUser } from '@okno/realm';

/** A stable subject for a demo person, UUID-shaped like Keycloak's user ids. */
export function demoSubject(username: string): string {
  const hex = createHash('sha256').update(`okno-demo:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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
