import { machineRoles, personRoles } from '@okno/auth';
import { newId, type Database } from '@okno/db';
import {
  agencies,
  offices,
  partnerChannels,
  staffMembers,
  type PartnerKind,
} from '@okno/db/identity';
import { demoSubject, demoUsers } from '@okno/realm';

const demoAgencies: (typeof agencies.$inferInsert)[] = [
  ['civil-registry', 'Управление ЗАГС', 'Civil Registry Office'],
  ['city-administration', 'Администрация города', 'City Administration'],
  ['education', 'Министерство образования', 'Ministry of Education'],
  ['interior', 'Управление МВД', 'Ministry of the Interior, regional office'],
  ['property-registry', 'Управление Росреестра', 'Property Registry, regional office'],
  ['social-protection', 'Министерство социальной защиты', 'Ministry of Social Protection'],
  ['mfc', 'МФЦ Кузбасса', 'MFC of Kuzbass'],
  ['russian-post', 'Почта России', 'Russian Post'],
].map(([code, ru, en], index) => ({
  id: `019a0000-0000-7000-8000-0000000000${String(index + 1).padStart(2, '0')}`,
  code: code!,
  name: { ru: ru!, en: en! },
}));

/** The offices the demo staff work at (see the demo users in @okno/realm). */
const demoOffices: Omit<typeof offices.$inferInsert, 'id'>[] = [
  {
    code: 'mfc-kemerovo-central',
    agencyCode: 'mfc',
    kind: 'mfc',
    name: { ru: 'МФЦ Кемерово, Центральный', en: 'MFC Kemerovo Central' },
    address: 'г. Кемерово, пр. Советский, 56',
  },
  {
    code: 'mfc-mobile-1',
    agencyCode: 'mfc',
    kind: 'mobile-office',
    name: { ru: 'Мобильный офис МФЦ № 1', en: 'MFC mobile office 1' },
    address: 'г. Кемерово, пр. Советский, 56 (база)',
  },
  {
    code: 'post-650000',
    agencyCode: 'russian-post',
    kind: 'post-office',
    name: { ru: 'Почтовое отделение 650000', en: 'Post office 650000' },
    address: 'г. Кемерово, ул. Кирова, 45',
  },
  {
    code: 'social-kemerovo',
    agencyCode: 'social-protection',
    kind: 'agency-office',
    name: { ru: 'Управление соцзащиты г. Кемерово', en: 'Social protection office, Kemerovo' },
    address: 'г. Кемерово, ул. Кузбасская, 6',
  },
  {
    code: 'zags-kemerovo',
    agencyCode: 'civil-registry',
    kind: 'agency-office',
    name: { ru: 'Отдел ЗАГС г. Кемерово', en: 'Civil registry office, Kemerovo' },
    address: 'г. Кемерово, ул. Притомская набережная, 3',
  },
];

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
  await db.insert(agencies).values(demoAgencies).onConflictDoNothing();
  await db
    .insert(offices)
    .values(demoOffices.map((o) => ({ id: newId(), ...o })))
    .onConflictDoNothing();
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
  await db
    .insert(partnerChannels)
    .values(demoPartners.map(({ role, ...p }) => ({ id: newId(), ...p, roles: [role] })))
    .onConflictDoNothing();
}
