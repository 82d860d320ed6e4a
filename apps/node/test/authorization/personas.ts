import { demoSubject, demoUsers } from '@okno/realm';
import type { TokenClaims } from '@okno/testing';

/**
 * Who calls every operation in the authorization matrix: the demo people (one per role, as a
 * region's testers know them), and those the demo lacks: the owning agency's supervisor,
 * partner systems, and a token from another region. None of them owns the records called.
 */
export const personaNames = [
  'anonymous',
  'citizen1',
  'citizen2',
  'business1',
  'counter1',
  'post1',
  'mobile1',
  'officer2',
  'officer1',
  'supervisor-zags',
  'supervisor1',
  'editor1',
  'admin1',
  'auditor1',
  'federal1',
  'partner-post',
  'partner-bank',
  'foreign-admin',
] as const;
export type Persona = (typeof personaNames)[number];

/** What each persona is, in the table's words. */
export const personaRoles: Record<Persona, string> = {
  anonymous: 'no token',
  citizen1: 'a citizen',
  citizen2: 'another citizen',
  business1: "a company's representative",
  counter1: 'an MFC counter officer',
  post1: 'a post office officer',
  mobile1: 'a mobile office officer',
  officer2: 'a back-office officer of the deciding agency (civil registry)',
  officer1: 'a back-office officer of another agency (social protection)',
  'supervisor-zags': 'a supervisor of the deciding agency',
  supervisor1: 'a supervisor of another agency',
  editor1: 'a catalogue editor',
  admin1: 'the regional administrator',
  auditor1: 'an auditor',
  federal1: 'a federal hub operator',
  'partner-post': "the post operator's system",
  'partner-bank': "a bank's system",
  'foreign-admin': "another region's administrator",
};

const demo = (username: string): TokenClaims => {
  const user = demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return {
    sub: demoSubject(username),
    roles: [...user.roles],
    preferred_username: username,
    ...(user.agency && { agency: user.agency }),
    ...(user.office && { office: user.office }),
    ...(user.company && { company: user.company }),
  };
};

/** The claims of each persona's token; none for anonymous. */
export const personaClaims: Record<Persona, TokenClaims | null> = {
  anonymous: null,
  citizen1: demo('citizen1'),
  citizen2: demo('citizen2'),
  business1: demo('business1'),
  counter1: demo('counter1'),
  post1: demo('post1'),
  mobile1: demo('mobile1'),
  officer2: demo('officer2'),
  officer1: demo('officer1'),
  'supervisor-zags': {
    sub: 'supervisor-zags',
    roles: ['supervisor'],
    agency: 'civil-registry',
    office: 'zags-kemerovo',
  },
  supervisor1: demo('supervisor1'),
  editor1: demo('editor1'),
  admin1: demo('admin1'),
  auditor1: demo('auditor1'),
  federal1: demo('federal1'),
  'partner-post': {
    sub: 'service-account-partner-post',
    roles: ['partner-post'],
    azp: 'partner-post',
  },
  'partner-bank': {
    sub: 'service-account-partner-bank',
    roles: ['partner-bank'],
    azp: 'partner-bank',
  },
  'foreign-admin': { ...demo('admin1'), sub: 'admin-spb', region: 'RU-SPE' },
};
