import { isDeepStrictEqual } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@okno/db';
import { embeddedAccounts } from '@okno/db/identity';
import { demoSubject } from '@okno/realm';
import { developmentPasswordMatches, type Account, type Accounts } from './accounts';

/** A person as the staff import or the demo data writes them. */
export interface AccountInput extends Omit<Account, 'subject'> {
  email?: string | undefined;
  enabled: boolean;
}

export interface Saved {
  subject: string;
  outcome: 'added' | 'changed' | 'unchanged';
}

export interface AccountStore extends Accounts {
  /**
   * Creates or updates the person of this username; answers their subject and what changed
   * (for a dry run, what would change, writing nothing).
   */
  save(person: AccountInput, dryRun?: boolean): Promise<Saved>;
  /** The subject of a username, whether or not it is enabled. */
  subjectOf(username: string): Promise<string | undefined>;
  /** Stops the person of this username signing in; their record stays. */
  disable(username: string): Promise<void>;
  /** Sets the roles, workplace and whether they may sign in; the name stays. */
  place(
    username: string,
    placement: Pick<AccountInput, 'roles' | 'agency' | 'office' | 'enabled'>,
  ): Promise<void>;
}

type Row = typeof embeddedAccounts.$inferSelect;
const toAccount = (row: Row): Account => ({
  subject: row.subject,
  username: row.username,
  firstName: row.firstName,
  lastName: row.lastName,
  roles: row.roles,
  ...(row.agency !== null && { agency: row.agency }),
  ...(row.office !== null && { office: row.office }),
  ...(row.company !== null && { company: row.company }),
});

/**
 * The embedded provider's people, in the node's database (`identity.embedded_accounts`), so
 * that whoever the staff import adds signs in at once, and a restart keeps them. A subject is
 * derived from the username, UUID-shaped like Keycloak's, so it is the same on every node.
 */
export function accountStore(db: Database): AccountStore {
  const enabledRow = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select().from(embeddedAccounts).where(where);
    return row?.enabled ? toAccount(row) : undefined;
  };
  return {
    bySubject: (subject) => enabledRow(eq(embeddedAccounts.subject, subject)),
    async authenticate(username, password) {
      const account = await enabledRow(eq(embeddedAccounts.username, username));
      return account && developmentPasswordMatches(account.username, password)
        ? account
        : undefined;
    },
    async list(limit) {
      const rows = await db
        .select()
        .from(embeddedAccounts)
        .where(eq(embeddedAccounts.enabled, true))
        .orderBy(asc(embeddedAccounts.username))
        .limit(limit);
      return rows.map(toAccount);
    },
    async save(person, dryRun = false) {
      const subject = demoSubject(person.username);
      const values = {
        username: person.username,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email ?? null,
        roles: [...person.roles],
        agency: person.agency ?? null,
        office: person.office ?? null,
        company: person.company ?? null,
        enabled: person.enabled,
      };
      const [before] = await db
        .select()
        .from(embeddedAccounts)
        .where(eq(embeddedAccounts.subject, subject));
      const same =
        before !== undefined &&
        Object.entries(values).every(([key, value]) =>
          isDeepStrictEqual(before[key as keyof typeof values], value),
        );
      if (same) return { subject, outcome: 'unchanged' };
      if (dryRun) return { subject, outcome: before ? 'changed' : 'added' };
      await db
        .insert(embeddedAccounts)
        .values({ subject, ...values, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: embeddedAccounts.subject,
          set: { ...values, updatedAt: new Date() },
        });
      return { subject, outcome: before ? 'changed' : 'added' };
    },
    async place(username, placement) {
      await db
        .update(embeddedAccounts)
        .set({
          roles: [...placement.roles],
          agency: placement.agency ?? null,
          office: placement.office ?? null,
          enabled: placement.enabled,
          updatedAt: new Date(),
        })
        .where(eq(embeddedAccounts.username, username));
    },
    async disable(username) {
      await db
        .update(embeddedAccounts)
        .set({ enabled: false, updatedAt: new Date() })
        .where(eq(embeddedAccounts.username, username));
    },
    async subjectOf(username) {
      const [row] = await db
        .select({ subject: embeddedAccounts.subject })
        .from(embeddedAccounts)
        .where(eq(embeddedAccounts.username, username));
      return row?.subject;
    },
  };
}
