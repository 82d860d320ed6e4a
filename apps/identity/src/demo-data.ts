import { machineRoles, personRoles } from '@okno/auth';
import { newId, type Database } from '@okno/db';
import { partnerChannels, staffMembers, type PartnerKind } from '@okno/db/identity';
import { accountStore } from '@okno/oidc-embedded/accounts';
import { demoSubject, demoUsers } from '@okno/realm';

const demoPartners: { clientId: string; name: string; kind: PartnerKind; role: string }[] = [
  {
    clientId: 'partner-russian-post',
    name: 'Russian Post',
    kind: 'post',
    role: machineRoles.postChannel,
  },
  { clientId: 'partner-bank', name: 'Payment bank', kind: 'bank', role: machineRoles.bank },
  {
    clientId: 'mfc-cash-desk',
    name: 'MFC cash desks',
    kind: 'cash-desk',
    role: machineRoles.cashDesk,
  },
  {
    clientId: 'partner-mobile-sync',
    name: 'Mobile office synchroniser',
    kind: 'mobile-sync',
    role: machineRoles.mobileSync,
  },
  {
    clientId: 'federal-hub',
    name: 'Federal hub',
    kind: 'federal-hub',
    role: machineRoles.federalHub,
  },
];

const applicantRoles: readonly string[] = [personRoles.citizen, personRoles.businessRepresentative];
/** Staff among the demo people: everyone who is not an applicant. */
const demoStaff = demoUsers.filter((u) => !u.roles.some((r) => applicantRoles.includes(r)));

export async function seedIdentityDemo(db: Database): Promise<void> {
  await db
    .insert(staffMembers)
    .values(
      demoStaff.map((u) => ({
        id: newId(),
        subject: demoSubject(u.username),
        username: u.username,
        displayName: `${u.firstName} ${u.lastName}`,
        agencyCode: u.agency ?? null,
        officeCode: u.office ?? null,
        roles: [...u.roles],
      })),
    )
    .onConflictDoNothing();
  // Everyone signs in to a development node's embedded provider (password = username).
  const accounts = accountStore(db);
  for (const user of demoUsers) {
    if ((await accounts.subjectOf(user.username)) === undefined) {
      await accounts.save({ ...user, enabled: true });
    }
  }
  await db
    .insert(partnerChannels)
    .values(demoPartners.map(({ role, ...p }) => ({ id: newId(), ...p, roles: [role] })))
    .onConflictDoNothing();
}
