import { createHash } from 'node:crypto';
import { personRoles, type PersonRole } from '@okno/auth';

/** A demo person: development only. The password is the username. */
export interface DemoUser {
  username: string;
  firstName: string;
  lastName: string;
  roles: readonly PersonRole[];
  agency?: string;
  office?: string;
  company?: string;
}

const mfc = { agency: 'mfc', office: 'mfc-kemerovo-central' };

/** One person per role (two back-office officers of different agencies, two citizens). */
export const demoUsers: readonly DemoUser[] = [
  { username: 'citizen1', firstName: 'Иван', lastName: 'Петров', roles: [personRoles.citizen] },
  { username: 'citizen2', firstName: 'Мария', lastName: 'Иванова', roles: [personRoles.citizen] },
  {
    username: 'business1',
    firstName: 'Олег',
    lastName: 'Сидоров',
    roles: [personRoles.businessRepresentative],
    company: '1024200000017',
  },
  {
    username: 'counter1',
    firstName: 'Анна',
    lastName: 'Смирнова',
    roles: [personRoles.mfcOfficer],
    ...mfc,
  },
  {
    username: 'post1',
    firstName: 'Павел',
    lastName: 'Кузнецов',
    roles: [personRoles.postOfficer],
    agency: 'russian-post',
    office: 'post-650000',
  },
  {
    username: 'mobile1',
    firstName: 'Елена',
    lastName: 'Попова',
    roles: [personRoles.mobileOfficer],
    agency: 'mfc',
    office: 'mfc-mobile-1',
  },
  {
    username: 'officer1',
    firstName: 'Сергей',
    lastName: 'Волков',
    roles: [personRoles.backOfficeOfficer],
    agency: 'social-protection',
    office: 'social-kemerovo',
  },
  {
    username: 'officer2',
    firstName: 'Ольга',
    lastName: 'Морозова',
    roles: [personRoles.backOfficeOfficer],
    agency: 'civil-registry',
    office: 'zags-kemerovo',
  },
  {
    username: 'supervisor1',
    firstName: 'Николай',
    lastName: 'Лебедев',
    roles: [personRoles.supervisor],
    agency: 'social-protection',
  },
  {
    username: 'editor1',
    firstName: 'Татьяна',
    lastName: 'Козлова',
    roles: [personRoles.catalogueEditor],
    agency: 'social-protection',
  },
  {
    username: 'admin1',
    firstName: 'Дмитрий',
    lastName: 'Новиков',
    roles: [personRoles.regionalAdmin],
  },
  {
    username: 'auditor1',
    firstName: 'Светлана',
    lastName: 'Соколова',
    roles: [personRoles.auditor],
  },
  {
    username: 'federal1',
    firstName: 'Алексей',
    lastName: 'Орлов',
    roles: [personRoles.federalOperator],
  },
];

/** A stable subject for a demo person, UUID-shaped like Keycloak's user ids. */
export function demoSubject(username: string): string {
  const hex = createHash('sha256').update(`okno-demo:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
