import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { applications, applicationsOutbox } from '@okno/db/applications';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
} from '@okno/testing';
import { createApplicationsApp } from './app';

let handle: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createApplicationsApp>;
const serviceId = '019a0000-0000-7000-8000-000000000101';

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  app = createApplicationsApp({ db: handle.db, verifier: issuer.verifier() });
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

const bearer = async (sub: string, roles = ['citizen']) => ({
  authorization: `Bearer ${await issuer.sign({ sub, roles })}`,
});

async function create(sub: string, body: object, key?: string) {
  return app.request('/applications', {
    method: 'POST',
    headers: {
      ...(await bearer(sub)),
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe(`applications on ${testDatabaseKind}`, () => {
  it('creates a draft with its event in the same transaction, once per Idempotency-Key', async () => {
    const body = { serviceId, formData: { child: 'Анна' } };
    const first = await create('citizen-1', body, 'k-1');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; status: string; channel: string };
    expect(created).toMatchObject({ status: 'draft', channel: 'portal' });
    expect(first.headers.get('location')).toBe(`/api/applications/applications/${created.id}`);

    const retry = await create('citizen-1', body, 'k-1');
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { id: string }).id).toBe(created.id);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));

    const rows = await handle.db
      .select()
      .from(applications)
      .where(eq(applications.applicantSub, 'citizen-1'));
    expect(rows).toHaveLength(1);
    const events = await handle.db.select().from(applicationsOutbox);
    expect(events.filter((e) => e.payload['applicationId'] === created.id)).toHaveLength(1);
    expect(events[0]?.type).toBe('applications.application.created');
  });

  it('shows applicants only their own applications', async () => {
    const res = await create('citizen-2', { serviceId });
    const { id } = (await res.json()) as { id: string };
    const mine = await app.request(`/applications/${id}`, { headers: await bearer('citizen-2') });
    expect(mine.status).toBe(200);
    const theirs = await app.request(`/applications/${id}`, { headers: await bearer('citizen-1') });
    expect(theirs.status).toBe(404);
    const list = await app.request('/applications', { headers: await bearer('citizen-1') });
    const page = (await list.json()) as { items: { id: string }[] };
    expect(page.items.map((a) => a.id)).not.toContain(id);
  });

  it('lets only applicants start an application', async () => {
    const res = await app.request('/applications', {
      method: 'POST',
      headers: { ...(await bearer('auditor-1', ['auditor'])), 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId }),
    });
    expect(res.status).toBe(403);
  });

  it('reports every invalid field', async () => {
    const res = await create('citizen-1', { serviceId: 'not-a-uuid', formData: 'nope' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer).sort()).toEqual(['/formData', '/serviceId']);
  });
});
