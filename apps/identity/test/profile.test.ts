import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenProfiles } from '@okno/db/identity';
import { testDatabaseKind } from '@okno/testing';
import { auditor, citizen, identityHarness, type IdentityHarness } from './identity-harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await identityHarness();
});
afterAll(() => h.close());

const petrov = {
  lastName: 'Петров',
  firstName: 'Иван',
  patronymic: 'Сергеевич',
  birthDate: '1985-04-12',
  snils: '11223344595',
  phone: '+79001234567',
  email: 'petrov@example.ru',
};

const put = (sub: string, body: unknown, ifMatch?: string) =>
  h.as(citizen(sub), '/me/profile', {
    method: 'PUT',
    body: JSON.stringify(body),
    ...(ifMatch && { headers: { 'if-match': ifMatch } }),
  });

describe(`citizen profiles on ${testDatabaseKind}`, () => {
  it('keeps a citizen profile, encrypted at rest', async () => {
    const created = await put('citizen-a', petrov);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const read = await h.as(citizen('citizen-a'), '/me/profile');
    expect(await read.json()).toMatchObject({
      subject: 'citizen-a',
      version: 1,
      personalData: { ...petrov, snils: '112-233-445 95' },
    });

    const [row] = await h.handle.db
      .select()
      .from(citizenProfiles)
      .where(eq(citizenProfiles.subject, 'citizen-a'));
    expect(row?.personalData).toMatch(/^v1\.test\./);
    for (const secret of [
      'Петров',
      'Иван',
      '1985-04-12',
      '11223344595',
      '112-233-445',
      '+7900',
      'petrov@',
    ]) {
      expect(row?.personalData).not.toContain(secret);
    }
  });

  it('changes a profile only from its current version', async () => {
    await put('citizen-b', petrov);
    expect((await put('citizen-b', { ...petrov, phone: '+79007654321' })).status).toBe(412);
    const changed = await put('citizen-b', { ...petrov, phone: '+79007654321' }, '"1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await put('citizen-b', { ...petrov, phone: '+79000000000' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const now = (await (await h.as(citizen('citizen-b'), '/me/profile')).json()) as {
      personalData: { phone: string };
    };
    expect(now.personalData.phone).toBe('+79007654321');
  });

  it('names every bad field', async () => {
    const res = await put('citizen-c', {
      lastName: '',
      firstName: 'Иван',
      birthDate: '2999-01-01',
      snils: '112-233-445 96',
      phone: '89001234567',
      nickname: 'vanya',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(
      ['', '/birthDate', '/lastName', '/phone', '/snils'].sort(),
    );
  });

  it('answers 404 before a profile exists, and keeps profiles apart', async () => {
    expect((await h.as(citizen('citizen-new'), '/me/profile')).status).toBe(404);
    // A citizen cannot use the staff route to read someone else's profile.
    expect((await h.as(citizen('citizen-b'), '/citizens/citizen-a/profile')).status).toBe(403);
  });

  it('lets staff serving a citizen read the profile, and records every read', async () => {
    const officer = {
      sub: 'officer-3',
      roles: ['mfc-officer'],
      agency: 'mfc',
      office: 'mfc-kemerovo-central',
      preferred_username: 'counter3',
    };
    const res = await h.as(officer, '/citizens/citizen-a/profile');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ personalData: { lastName: 'Петров' } });
    const trail = await h.as(auditor, '/audit-events?kind=profile-read&target=citizen-a');
    const { items } = (await trail.json()) as { items: Record<string, unknown>[] };
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'profile-read',
        actorSubject: 'officer-3',
        actorUsername: 'counter3',
        details: { agency: 'mfc', office: 'mfc-kemerovo-central' },
      }),
    ]);
    // The audit trail names fields that changed, never their values.
    const updates = await h.as(auditor, '/audit-events?kind=profile-updated&target=citizen-a');
    expect(JSON.stringify(await updates.json())).not.toContain('Петров');
  });
});
