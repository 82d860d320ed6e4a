import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStore } from '@okno/oidc-embedded/accounts';
import { demoSubject } from '@okno/realm';
import { testDatabaseKind } from '@okno/testing';
import { admin, auditor, citizen, identityHarness, type IdentityHarness } from './identity-harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await identityHarness();
  // People the realm has (here the embedded provider's accounts), whom the directory describes.
  const accounts = accountStore(h.handle.db);
  for (const username of ['officer9', 'counter10', 'counter11', 'officer12']) {
    await accounts.save({
      username,
      firstName: 'Имя',
      lastName: 'Фамилия',
      roles: [],
      enabled: true,
    });
  }
});
afterAll(() => h.close());

type Page<T> = { items: T[]; nextCursor: string | null };
const putStaff = (subject: string, body: unknown) =>
  h.as(admin, `/staff/${subject}`, { method: 'PUT', body: JSON.stringify(body) });
const trail = async (query: string) =>
  ((await (await h.as(auditor, `/audit-events?${query}`)).json()) as Page<Record<string, unknown>>)
    .items;

describe(`staff directory on ${testDatabaseKind}`, () => {
  it('knows the demo staff by their token subjects', async () => {
    const res = await h.as(admin, '/staff?limit=100');
    const { items } = (await res.json()) as Page<{
      subject: string;
      username: string;
      officeCode?: string;
    }>;
    expect(items.find((s) => s.username === 'counter1')).toMatchObject({
      subject: demoSubject('counter1'),
      officeCode: 'mfc-kemerovo-central',
    });
    expect(items.map((s) => s.username)).not.toContain('citizen1');
  });

  it('records an officer, and audits each role granted and revoked', async () => {
    const officer = {
      username: 'officer9',
      displayName: 'Сергей Волков',
      agencyCode: 'social-protection',
      officeCode: 'social-kemerovo',
      roles: ['back-office-officer'],
    };
    expect((await putStaff(demoSubject('officer9'), officer)).status).toBe(200);
    const promoted = await putStaff(demoSubject('officer9'), { ...officer, roles: ['supervisor'] });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ roles: ['supervisor'], active: true });

    const events = await trail(`target=${demoSubject('officer9')}&limit=100`);
    expect(events.map((e) => [e['kind'], e['details']])).toEqual(
      expect.arrayContaining([
        ['role-granted', { role: 'back-office-officer' }],
        ['role-granted', { role: 'supervisor' }],
        ['role-revoked', { role: 'back-office-officer' }],
      ]),
    );
    expect(events.filter((e) => e['kind'] === 'staff-updated')).toHaveLength(2);
    expect(events.every((e) => e['actorSubject'] === 'admin-1')).toBe(true);
  });

  it('makes the realm follow: the person signs in with the roles and office recorded', async () => {
    const accounts = accountStore(h.handle.db);
    expect((await accounts.authenticate('officer9', 'officer9'))?.roles).toEqual(['supervisor']);
    const record = {
      username: 'officer9',
      displayName: 'Сергей Волков',
      agencyCode: 'social-protection',
      officeCode: 'social-kemerovo',
      roles: ['back-office-officer'],
      active: false,
    };
    expect((await putStaff(demoSubject('officer9'), record)).status).toBe(200);
    // Inactive in the directory: the realm lets them sign in no more.
    expect(await accounts.authenticate('officer9', 'officer9')).toBeUndefined();
    expect((await putStaff(demoSubject('officer9'), { ...record, active: true })).status).toBe(200);
    expect(await accounts.authenticate('officer9', 'officer9')).toMatchObject({
      roles: ['back-office-officer'],
      agency: 'social-protection',
      office: 'social-kemerovo',
    });
  });

  it('describes only a person the realm has, under the subject the realm gives them', async () => {
    const stranger = { username: 'nobody9', displayName: 'Никто', roles: ['auditor'] };
    const unknown = await putStaff(demoSubject('nobody9'), stranger);
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(await unknown.json())).toContain('the realm has no such person');
    const mismatched = await putStaff('someone-else', {
      username: 'officer12',
      displayName: 'Иван Петров',
      roles: ['auditor'],
    });
    expect(mismatched.status).toBe(409);
  });

  it('refuses a record whose roles lack the agency or office they need', async () => {
    const res = await putStaff(demoSubject('counter10'), {
      username: 'counter10',
      displayName: 'Нина Орлова',
      roles: ['mfc-officer'],
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { pointer: string }[] };
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/agencyCode', '/officeCode']);

    const elsewhere = await putStaff(demoSubject('counter10'), {
      username: 'counter10',
      displayName: 'Нина Орлова',
      agencyCode: 'mfc',
      officeCode: 'zags-kemerovo',
      roles: ['mfc-officer'],
    });
    expect(elsewhere.status).toBe(422);
    expect(JSON.stringify(await elsewhere.json())).toContain(
      "not an office of the member's agency",
    );
  });

  it("places staff only at the catalogue's agencies and offices, never at a retired agency", async () => {
    const member = {
      username: 'counter11',
      displayName: 'Ольга Зайцева',
      agencyCode: 'ministry-of-magic',
      officeCode: 'mfc-atlantis',
      roles: ['mfc-officer'],
    };
    const unknown = await putStaff(demoSubject('counter11'), member);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ pointer: '/agencyCode', message: 'no such agency' }),
      expect.objectContaining({ pointer: '/officeCode', message: 'no such office' }),
    ]);
    // The catalogue's office, which identity keeps no copy of, is accepted.
    const known = await putStaff(demoSubject('counter11'), {
      ...member,
      agencyCode: 'mfc',
      officeCode: 'mfc-belovo',
    });
    expect(known.status).toBe(200);

    await h.catalogue('PUT', '/agencies/closed-agency', {
      name: { ru: 'Упразднённое ведомство', en: 'Closed agency' },
    });
    await h.catalogue('POST', '/agencies/closed-agency/retire');
    const retired = await putStaff(demoSubject('officer12'), {
      username: 'officer12',
      displayName: 'Иван Петров',
      agencyCode: 'closed-agency',
      roles: ['back-office-officer'],
    });
    expect(retired.status).toBe(422);
    expect(JSON.stringify(await retired.json())).toContain('the agency is retired');
  });

  it("shows a supervisor their own agency's staff only", async () => {
    const supervisor = { sub: 'sup-1', roles: ['supervisor'], agency: 'civil-registry' };
    const res = await h.as(supervisor, '/staff?agency=mfc&limit=100');
    const { items } = (await res.json()) as Page<{ agencyCode?: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.agencyCode === 'civil-registry')).toBe(true);
  });

  it('lets only the regional administrator change the directory', async () => {
    const res = await h.as(
      { sub: 'sup-1', roles: ['supervisor'], agency: 'mfc' },
      `/staff/${demoSubject('counter11')}`,
      {
        method: 'PUT',
        body: JSON.stringify({ username: 'x', displayName: 'x', roles: ['auditor'] }),
      },
    );
    expect(res.status).toBe(403);
  });
});

describe(`partner channels on ${testDatabaseKind}`, () => {
  it('lists the demo partners and audits a change', async () => {
    const list = (await (await h.as(auditor, '/partners')).json()) as {
      items: { clientId: string }[];
    };
    expect(list.items.map((p) => p.clientId)).toEqual([
      'federal-hub',
      'mfc-cash-desk',
      'partner-bank',
      'partner-mobile-sync',
      'partner-russian-post',
    ]);
    const res = await h.as(admin, '/partners/partner-bank', {
      method: 'PUT',
      body: JSON.stringify({
        name: 'Payment bank',
        kind: 'bank',
        roles: ['partner-bank'],
        active: false,
      }),
    });
    expect(res.status).toBe(200);
    const [event] = await trail('kind=partner-updated&target=partner-bank');
    expect(event).toMatchObject({
      actorSubject: 'admin-1',
      details: { before: { active: true }, after: { active: false } },
    });
  });
});

describe(`sign-ins and the audit trail on ${testDatabaseKind}`, () => {
  it('records one sign-in per provider session', async () => {
    const person = { ...citizen('citizen-s'), sid: 'session-1' };
    const first = await h.as(person, '/sign-ins', { method: 'POST' });
    expect(first.status).toBe(201);
    const again = await h.as(person, '/sign-ins', { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ recorded: false });
    const next = await h.as({ ...person, sid: 'session-2' }, '/sign-ins', { method: 'POST' });
    expect(next.status).toBe(201);
    const events = await trail('kind=sign-in&actor=citizen-s');
    expect(events.map((e) => (e['details'] as { sessionId: string }).sessionId)).toEqual([
      'session-2',
      'session-1',
    ]);
  });

  it('pages through the whole trail newest first, each event once', async () => {
    const all = await trail('limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await h.as(auditor, `/audit-events?${query}`)).json()) as Page<{
        id: string;
      }>;
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e['id']));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is for auditors and administrators only', async () => {
    expect((await h.as(citizen('citizen-s'), '/audit-events')).status).toBe(403);
    expect(
      (await h.as({ sub: 'sup-1', roles: ['supervisor'], agency: 'mfc' }, '/audit-events')).status,
    ).toBe(403);
  });
});
