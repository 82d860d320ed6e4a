import { and, eq } from 'drizzle-orm';
import { decryptField, encryptField, type Keyring } from '@okno/crypto';
import { newId, type Executor } from '@okno/db';
import { citizenProfiles } from '@okno/db/identity';
import type { PersonalData } from './personal-data';

export interface CitizenProfile {
  subject: string;
  version: number;
  personalData: PersonalData;
  updatedAt: Date;
}

/** The ciphertext is bound to its subject: copied onto another person's row, it won't open. */
const context = (subject: string) => `identity.citizen_profiles.personal_data:${subject}`;

export async function findProfile(
  db: Executor,
  keys: Keyring,
  subject: string,
): Promise<CitizenProfile | undefined> {
  const [row] = await db.select().from(citizenProfiles).where(eq(citizenProfiles.subject, subject));
  if (!row) return undefined;
  return {
    subject,
    version: row.version,
    personalData: JSON.parse(
      decryptField(keys, row.personalData, context(subject)),
    ) as PersonalData,
    updatedAt: row.updatedAt,
  };
}

/**
 * Creates the profile (`expectedVersion` undefined) or replaces it if it is still at
 * `expectedVersion`; returns the new version, or undefined when someone changed it first.
 */
export async function saveProfile(
  db: Executor,
  keys: Keyring,
  subject: string,
  data: PersonalData,
  expectedVersion: number | undefined,
): Promise<number | undefined> {
  const sealed = encryptField(keys, JSON.stringify(data), context(subject));
  if (expectedVersion === undefined) {
    const inserted = await db
      .insert(citizenProfiles)
      .values({ id: newId(), subject, personalData: sealed })
      .onConflictDoNothing()
      .returning({ version: citizenProfiles.version });
    return inserted[0]?.version;
  }
  const updated = await db
    .update(citizenProfiles)
    .set({ personalData: sealed, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(citizenProfiles.subject, subject), eq(citizenProfiles.version, expectedVersion)))
    .returning({ version: citizenProfiles.version });
  return updated[0]?.version;
}
