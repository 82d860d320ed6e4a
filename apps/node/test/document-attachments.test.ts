import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@okno/db';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { minimalPdf, startTestNode, type TestNode } from './test-node';

const applicant: TokenClaims = { sub: 'citizen-attach', roles: ['citizen'] };
const otherCitizen: TokenClaims = { sub: 'citizen-nosy', roles: ['citizen'] };
const officer: TokenClaims = {
  sub: 'officer-social-fund',
  roles: ['back-office-officer'],
  agency: 'social-fund',
};
const otherAgency: TokenClaims = {
  sub: 'officer-tax',
  roles: ['back-office-officer'],
  agency: 'tax',
};
const mfcOfficer: TokenClaims = {
  sub: 'mfc-1',
  roles: ['mfc-officer'],
  office: 'mfc-kemerovo-central',
};

const pdf = minimalPdf;

let node: TestNode;

beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const call = (who: TokenClaims, method: string, path: string, body?: unknown) =>
  node.call(who, method, path, body);

describe(`attaching wallet documents to applications on ${testDatabaseKind}`, () => {
  let documentId: string;
  let applicationId: string;

  it('reuses one upload for an application, and keeps the agency out of other wallets', async () => {
    const uploaded = await call(
      applicant,
      'POST',
      '/api/documents/documents?fileName=passport.pdf',
      pdf,
    );
    expect(uploaded.status).toBe(201);
    documentId = ((await uploaded.json()) as { id: string }).id;
    const draft = await call(applicant, 'POST', '/api/applications/applications', {
      serviceCode: 'unified-child-allowance',
    });
    expect(draft.status).toBe(201);
    applicationId = ((await draft.json()) as { id: string }).id;

    const path = `/api/documents/applications/${applicationId}/attachments`;
    const attached = await call(applicant, 'POST', path, { documentId, purpose: 'passport' });
    expect(attached.status).toBe(201);
    expect(await attached.json()).toMatchObject({
      applicationId,
      purpose: 'passport',
      document: { id: documentId, mediaType: 'application/pdf' },
    });
    expect((await call(applicant, 'POST', path, { documentId })).status).toBe(200);

    // Before: the deciding agency's officer cannot read a wallet document not attached to
    // its application; after, it can, and nobody else can.
    const list = await call(officer, 'GET', path);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    const content = `/api/documents/documents/${documentId}/content`;
    const download = await call(officer, 'GET', content);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    for (const outsider of [otherCitizen, otherAgency]) {
      expect((await call(outsider, 'GET', path)).status).toBe(404);
      expect((await call(outsider, 'GET', content)).status).toBe(404);
      expect((await call(outsider, 'GET', `/api/documents/documents/${documentId}`)).status).toBe(
        404,
      );
    }
    // A front-office officer holds no wallet role and no deciding role: refused outright.
    expect((await call(mfcOfficer, 'GET', content)).status).toBe(403);
  });

  it("refuses to attach to someone else's application or someone else's document", async () => {
    const path = `/api/documents/applications/${applicationId}/attachments`;
    const theirs = await call(otherCitizen, 'POST', '/api/documents/documents?fileName=x.pdf', pdf);
    const theirId = ((await theirs.json()) as { id: string }).id;
    expect((await call(otherCitizen, 'POST', path, { documentId: theirId })).status).toBe(404);
    expect((await call(applicant, 'POST', path, { documentId: theirId })).status).toBe(404);
  });

  it('records every read and download in the audit trail', async () => {
    const rows = await queryRows<{ kind: string; actor: string }>(
      node.database.db,
      sql`select kind, actor_subject as actor from identity.audit_events
          where kind like 'document-%' order by id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: 'document-uploaded', actor: applicant.sub },
        { kind: 'document-attached', actor: applicant.sub },
        { kind: 'document-read', actor: officer.sub },
        { kind: 'document-downloaded', actor: officer.sub },
      ]),
    );
  });
});
