import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataKey, keyring } from '@okno/crypto';
import { queryRows, type DatabaseHandle } from '@okno/db';
import { createLogger } from '@okno/http';
import { createNodeApp } from '@okno/runtime';
import {
  createTestDatabase,
  createTestIssuer,
  testDatabaseKind,
  testRegion,
  type TestIssuer,
  type TokenClaims,
} from '@okno/testing';
import { sql } from 'drizzle-orm';
import { allServices } from '../src/services';
import { serviceSettings } from './service-settings';

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

// The smallest valid PDF: the scan a citizen keeps in the wallet.
const pdf = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

let database: DatabaseHandle;
let issuer: TestIssuer;
let app: ReturnType<typeof createNodeApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  issuer = await createTestIssuer();
  for (const service of allServices) await service.seedDemo?.(database.db);
  app = createNodeApp({
    region: testRegion(issuer.region),
    nodeVersion: '0.0.0',
    services: allServices,
    database,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('test')]),
    ...(await serviceSettings()),
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
});
afterAll(async () => {
  await database.close();
  await issuer.close();
});

async function call(who: TokenClaims, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${await issuer.sign(who)}`,
      'content-type': body instanceof Uint8Array ? 'application/pdf' : 'application/json',
    },
    ...(body !== undefined && { body: body instanceof Uint8Array ? body : JSON.stringify(body) }),
  });
}

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
      database.db,
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
