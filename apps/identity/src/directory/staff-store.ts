import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { PersonRole } from '@okno/auth';
import { recordAudit, type AuditEvent } from '@okno/audit';
import { newId, type Executor } from '@okno/db';
import { staffMembers } from '@okno/db/identity';
import { roleChanges } from './role-changes';

export type StaffRow = typeof staffMembers.$inferSelect;

/** What a staff record says: who, where, with which roles. */
export interface StaffValues {
  username: string;
  displayName: string;
  agencyCode: string | null;
  officeCode: string | null;
  roles: PersonRole[];
  active: boolean;
}

/** A staff record as the directory answers it and the audit trail keeps it. */
export function toStaff(row: StaffRow) {
  return {
    subject: row.subject,
    username: row.username,
    displayName: row.displayName,
    ...(row.agencyCode !== null && { agencyCode: row.agencyCode }),
    ...(row.officeCode !== null && { officeCode: row.officeCode }),
    roles: row.roles as PersonRole[],
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Who changes the directory, as the audit trail names them. */
export type StaffAuthor = Pick<AuditEvent, 'actorSubject' | 'actorUsername' | 'requestId'> & {
  /** Marks the entries of a region pack's import. */
  import?: true;
};

const valuesOf = (row: StaffRow): StaffValues => ({
  username: row.username,
  displayName: row.displayName,
  agencyCode: row.agencyCode,
  officeCode: row.officeCode,
  roles: [...row.roles].sort() as PersonRole[],
  active: row.active,
});

/**
 * Records a staff member as given, with an audit entry for each role granted or revoked and
 * one for the record (before and after). The same record again changes nothing.
 */
export async function saveStaffMember(
  tx: Executor,
  subject: string,
  input: StaffValues,
  author: StaffAuthor,
): Promise<{ saved: StaffRow; outcome: 'added' | 'changed' | 'unchanged' }> {
  const [before] = await tx.select().from(staffMembers).where(eq(staffMembers.subject, subject));
  const values = { ...input, roles: [...new Set(input.roles)].sort() };
  if (before && isDeepStrictEqual(valuesOf(before), values)) {
    return { saved: before, outcome: 'unchanged' };
  }
  const [saved] = await tx
    .insert(staffMembers)
    .values({ id: newId(), subject, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: staffMembers.subject,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  if (!saved) throw new Error('staff upsert returned nothing');

  const { import: imported, ...actor } = author;
  const common = { ...actor, target: subject };
  const mark = imported ? { import: true } : {};
  const { granted, revoked } = roleChanges(before?.roles ?? [], saved.roles);
  await recordAudit(
    tx,
    ...granted.map((role) => ({
      kind: 'role-granted' as const,
      ...common,
      details: { role, ...mark },
    })),
    ...revoked.map((role) => ({
      kind: 'role-revoked' as const,
      ...common,
      details: { role, ...mark },
    })),
    {
      kind: 'staff-updated',
      ...common,
      details: { before: before ? toStaff(before) : null, after: toStaff(saved), ...mark },
    },
  );
  return { saved, outcome: before ? 'changed' : 'added' };
}
