import { and, eq, notInArray } from 'drizzle-orm';
import type { PersonRole } from '@okno/auth';
import type { Executor } from '@okno/db';
import { staffMembers } from '@okno/db/identity';
import { saveStaffMember, type StaffAuthor, type StaffRow } from './staff-store';

/**
 * Active staff a region's pack no longer holds: they are to stop signing in. The person
 * running the import is never among them (an import must not lock its own administrator out).
 */
export async function staffNotKept(
  tx: Executor,
  keep: string[],
  caller: string,
): Promise<StaffRow[]> {
  const rows = await tx
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.active, true), notInArray(staffMembers.username, keep)));
  return rows.filter((r) => r.subject !== caller);
}

/** Each of them made inactive in the directory, audited as an edit; never deleted. */
export async function deactivateStaff(
  tx: Executor,
  rows: StaffRow[],
  author: StaffAuthor,
): Promise<void> {
  for (const row of rows) {
    await saveStaffMember(
      tx,
      row.subject,
      {
        username: row.username,
        displayName: row.displayName,
        agencyCode: row.agencyCode,
        officeCode: row.officeCode,
        roles: row.roles as PersonRole[],
        active: false,
      },
      author,
    );
  }
}
