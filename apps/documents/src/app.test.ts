import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type DatabaseHandle } from '@okno/db';
import { documents } from '@okno/db/documents';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  type TestIssuer,
} from '@okno/testing';
import { createDocumentsApp } from './app';

let handle: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createDocumentsApp>;
const mine = newId();
const theirs = newId();

beforeAll(async () => {
  handle = await createTestDatabase();
  issuer = await createTestIssuer();
  const doc = { title: 'Паспорт', mediaType: 'application/pdf', sizeBytes: 1024 };
  await handle.db.insert(documents).values([
    { ...doc, id: mine, ownerSub: 'citizen-1', sha256: 'a'.repeat(64) },
    { ...doc, id: theirs, ownerSub: 'citizen-2', sha256: 'b'.repeat(64) },
  ]);
  app = createDocumentsApp({
    db: handle.db,
    verifier: issuer.verifier(),
  });
});
afterAll(async () => {
  await handle.close();
  await issuer.close();
});

const as = async (sub: string) => ({
  headers: { authorization: `Bearer ${await issuer.sign({ sub, roles: ['citizen'] })}` },
});

describe(`documents on ${testDatabaseKind}`, () => {
  it("lists only the caller's own documents", async () => {
    const res = await app.request('/documents', await as('citizen-1'));
    const page = (await res.json()) as { items: { id: string }[] };
    expect(page.items.map((d) => d.id)).toEqual([mine]);
  });

  it("hides another applicant's document as not found", async () => {
    expect((await app.request(`/documents/${mine}`, await as('citizen-1'))).status).toBe(200);
    expect((await app.request(`/documents/${theirs}`, await as('citizen-1'))).status).toBe(404);
  });

  it('needs a token', async () => {
    expect((await app.request('/documents')).status).toBe(401);
  });
});
