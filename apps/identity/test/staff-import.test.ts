import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStore } from '@okno/oidc-embedded/accounts';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { admin, auditor, identityHarness, type IdentityHarness } from './identity-harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await identityHarness();
  // A workplace of the region's own, as its pack brings them.
  await h.catalogue('PUT', '/agencies/tom-social', {
    name: { ru: 'Департамент социальной защиты', en: 'Social protection department' },
  });
  await h.catalogue('PUT', '/offices/tom-social-central', {
    kind: 'agency-office',
    channel: 'portal',
    agencyCode: 'tom-social',
    name: { ru: 'Приёмная', en: 'Reception' },
    address: { ru: 'Томск, пр. Ленина, 1', en: '1 Lenina Ave, Tomsk' },
    coordinates: { lat: 56.48, lon: 84.95 },
    openingHours: { mon: [{ from: '09:00', to: '18:00' }] },
    services: 'all',
  });
});
afterAll(() => h.close());

type Results = { dryRun: boolean; results: { username: string; outcome: string }[] };
type Problem = { errors: { pointer: string; message: string }[] };
const post = (path: string, body: unknown, as: TokenClaims = admin) =>
  h.as(as, path, { method: 'POST', body: JSON.stringify(body) });
const officer = {
  username: 'tom.officer',
  firstName: 'Ирина',
  lastName: 'Белова',
  email: 'belova@tomsk.example',
  roles: ['back-office-officer'],
  agency: 'tom-social',
  office: 'tom-social-central',
};
const outcomes = async (res: Response) =>
  Object.fromEntries(((await res.json()) as Results).results.map((r) => [r.username, r.outcome]));

describe(`staff import on ${testDatabaseKind}`, () => {
  it('a dry run says what it would add and writes nothing, trusting what the import brings', async () => {
    const res = await post('/imports/staff', {
      items: [{ ...officer, username: 'tom.dry', agency: 'tom-new', office: 'tom-new-1' }],
      dryRun: true,
      expect: { agencies: ['tom-new'], offices: ['tom-new-1'] },
    });
    expect(res.status).toBe(200);
    expect(await outcomes(res)).toEqual({ 'tom.dry': 'added' });
    expect(await accountStore(h.handle.db).subjectOf('tom.dry')).toBeUndefined();
    const staff = (await (await h.as(admin, '/staff?agency=tom-new')).json()) as {
      items: unknown[];
    };
    expect(staff.items).toEqual([]);
  });

  it('writes each person to the realm and the directory: they sign in with their office', async () => {
    const res = await post('/imports/staff', { items: [officer] });
    expect(res.status).toBe(200);
    expect(await outcomes(res)).toEqual({ 'tom.officer': 'added' });

    const accounts = accountStore(h.handle.db);
    const account = await accounts.authenticate('tom.officer', 'tom.officer');
    expect(account).toMatchObject({
      username: 'tom.officer',
      roles: ['back-office-officer'],
      agency: 'tom-social',
      office: 'tom-social-central',
    });
    const staff = (await (await h.as(admin, '/staff?agency=tom-social')).json()) as {
      items: { subject: string; username: string; displayName: string; officeCode: string }[];
    };
    expect(staff.items).toEqual([
      expect.objectContaining({
        subject: account?.subject,
        username: 'tom.officer',
        displayName: 'Ирина Белова',
        officeCode: 'tom-social-central',
      }),
    ]);
  });

  it('a rerun changes nothing; a changed role is a change, audited as an import', async () => {
    expect(await outcomes(await post('/imports/staff', { items: [officer] }))).toEqual({
      'tom.officer': 'unchanged',
    });
    const promoted = { ...officer, roles: ['supervisor'] };
    expect(await outcomes(await post('/imports/staff', { items: [promoted] }))).toEqual({
      'tom.officer': 'changed',
    });
    const subject = await accountStore(h.handle.db).subjectOf('tom.officer');
    const trail = (await (
      await h.as(auditor, `/audit-events?target=${subject}&limit=100`)
    ).json()) as { items: { kind: string; details: Record<string, unknown> }[] };
    expect(trail.items.map((e) => [e.kind, e.details['role'], e.details['import']])).toEqual(
      expect.arrayContaining([
        ['role-granted', 'back-office-officer', true],
        ['role-granted', 'supervisor', true],
        ['role-revoked', 'back-office-officer', true],
      ]),
    );
    expect(trail.items.filter((e) => e.kind === 'staff-updated')).toHaveLength(2);
    expect(
      (await accountStore(h.handle.db).authenticate('tom.officer', 'tom.officer'))?.roles,
    ).toEqual(['supervisor']);
  });

  it('refuses a batch naming each bad item, and writes none of it', async () => {
    const res = await post('/imports/staff', {
      items: [
        { ...officer, username: 'tom.good' },
        { ...officer, username: 'tom.lost', office: 'no-such-office' },
        { ...officer, username: 'tom.counter', roles: ['mfc-officer'], office: undefined },
        { ...officer, username: 'tom.nowhere', agency: 'no-such-agency', office: undefined },
      ],
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as Problem;
    expect(errors.map((e) => [e.pointer, e.message])).toEqual([
      ['/items/1/office', 'no such office'],
      ['/items/2/office', 'is required for the roles mfc-officer'],
      ['/items/3/agency', 'no such agency'],
    ]);
    expect(await accountStore(h.handle.db).subjectOf('tom.good')).toBeUndefined();
  });

  it('refuses a username given twice, and anyone but the regional administrator', async () => {
    const twice = await post('/imports/staff', { items: [officer, officer] });
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as Problem).errors[0]?.pointer).toBe('/items/1/username');
    const asAuditor = await post('/imports/staff', { items: [officer] }, auditor);
    expect(asAuditor.status).toBe(403);
  });

  it('makes staff the pack no longer holds inactive, never the caller, and they cannot sign in', async () => {
    await post('/imports/staff', { items: [{ ...officer, username: 'tom.leaving' }] });
    const keep = ['tom.officer'];
    const dry = await post('/imports/staff/retire-missing', { keep, dryRun: true });
    const wouldRetire = await outcomes(dry);
    expect(wouldRetire['tom.leaving']).toBe('retired');
    // The demo staff are not in this pack either; the caller (admin-1) is not staff here.
    expect(Object.keys(wouldRetire)).toContain('counter1');
    const accounts = accountStore(h.handle.db);
    expect(await accounts.authenticate('tom.leaving', 'tom.leaving')).toBeDefined();

    const done = await outcomes(await post('/imports/staff/retire-missing', { keep }));
    expect(done).toEqual(wouldRetire);
    expect(await accounts.authenticate('tom.leaving', 'tom.leaving')).toBeUndefined();
    expect(await accounts.authenticate('tom.officer', 'tom.officer')).toBeDefined();
    const staff = (await (await h.as(admin, '/staff?agency=tom-social')).json()) as {
      items: { username: string; active: boolean }[];
    };
    expect(staff.items.map((s) => [s.username, s.active])).toEqual([
      ['tom.leaving', false],
      ['tom.officer', true],
    ]);
  });

  it('adds demo applicants to a development node', async () => {
    const res = await post('/imports/demo-people', {
      items: [
        { username: 'tom.citizen', firstName: 'Пётр', lastName: 'Томский', roles: ['citizen'] },
      ],
    });
    expect(await outcomes(res)).toEqual({ 'tom.citizen': 'added' });
    expect(
      (await accountStore(h.handle.db).authenticate('tom.citizen', 'tom.citizen'))?.roles,
    ).toEqual(['citizen']);
  });
});

describe(`staff at a closed office on ${testDatabaseKind}`, () => {
  it('refuses to place anyone at an office the region closed', async () => {
    // The region's next pack lists only the reception: the catalogue closes every other office.
    await h.catalogue('POST', '/imports/retire-missing', {
      keep: { services: ['none'], agencies: ['tom-social'], offices: ['tom-social-central'] },
    });
    const res = await post('/imports/staff', {
      items: [
        {
          ...officer,
          username: 'tom.mfc',
          agency: 'mfc',
          office: 'mfc-kemerovo-central',
          roles: ['mfc-officer'],
        },
      ],
    });
    expect(res.status).toBe(422);
    expect(
      ((await res.json()) as Problem).errors.map((e) => [e.pointer, e.message]),
    ).toContainEqual(['/items/0/office', 'the office is closed']);
  });
});

describe('staff import on a node that cannot write its people', () => {
  let bare: IdentityHarness;
  beforeAll(async () => {
    bare = await identityHarness({});
  });
  afterAll(() => bare.close());

  it('refuses with the setting it lacks, and demo people are refused outright', async () => {
    const send = (path: string, body: unknown) =>
      bare.as(admin, path, { method: 'POST', body: JSON.stringify(body) });
    const staff = await send('/imports/staff', { items: [officer] });
    expect(staff.status).toBe(503);
    expect(((await staff.json()) as { detail: string }).detail).toContain(
      'OKNO_PEOPLE_CLIENT_SECRET',
    );
    const demo = await send('/imports/demo-people', {
      items: [
        { username: 'tom.citizen', firstName: 'Пётр', lastName: 'Томский', roles: ['citizen'] },
      ],
    });
    expect(demo.status).toBe(409);
  });
});
