import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@okno/db';
import type { EventEnvelope } from '@okno/events';
import { testDatabaseKind } from '@okno/testing';
import { documentsHarness, type DocumentsHarness } from './documents-harness';
import { testStorages, type TestStorage } from './test-storages';

const script = fileURLToPath(new URL('../verify/verify-result-document.mjs', import.meta.url));
const applicant = { sub: 'citizen-result', roles: ['citizen'] };
const supervisor = { sub: 'sup-social', roles: ['supervisor'], agency: 'social-protection' };
const otherAgency = { sub: 'sup-tax', roles: ['supervisor'], agency: 'tax' };
const stranger = { sub: 'citizen-other', roles: ['citizen'] };

/** `applications.application.decided` as the applications service publishes it. */
const decided = (language: 'ru' | 'en', outcome: 'approved' | 'refused' = 'approved') =>
  ({
    id: newId(),
    type: 'applications.application.decided',
    source: 'applications',
    occurredAt: new Date('2026-11-20T05:00:00Z'),
    payload: {
      applicationId: newId(),
      number: 'KEM-2026-0000042',
      serviceCode: 'taxi-permit',
      agencyCode: 'social-protection',
      status: 'decided',
      result: {
        outcome,
        ...(outcome === 'refused' && { reason: 'Транспортное средство не прошло осмотр' }),
        serviceTitle: { ru: 'Разрешение на такси', en: 'Taxi permit' },
        language,
        applicantSubject: applicant.sub,
        decidedAt: '2026-11-20T05:00:00.000Z',
      },
    },
  }) as unknown as EventEnvelope;

/** Runs the standalone verifier (only jose) as anyone would, on files on disk. */
function verify(files: { pdf: string; jws: string; jwks: string }, online = false) {
  return new Promise<{ code: number; result: Record<string, unknown> }>((resolve) => {
    execFile(
      process.execPath,
      [script, files.pdf, files.jws, files.jwks, ...(online ? ['--online'] : [])],
      (error, stdout) => {
        resolve({
          code: error ? Number(error.code) : 0,
          result: JSON.parse(stdout) as Record<string, unknown>,
        });
      },
    );
  });
}

describe(`result documents on ${testDatabaseKind}`, () => {
  let storage: TestStorage;
  let h: DocumentsHarness;
  let server: ServerType;
  let dir: string;

  beforeAll(async () => {
    storage = await testStorages[0]!.open();
    dir = await mkdtemp(join(tmpdir(), 'okno-result-'));
    // A real HTTP server on loopback: the verifier's --online check calls it.
    const outer = new Hono();
    server = serve({ fetch: outer.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    h = await documentsHarness({ storage, scanner: null, publicUrl: `http://127.0.0.1:${port}` });
    outer.route('/api/documents', h.app);
  });
  afterAll(async () => {
    server.close();
    await h.close();
    await storage.close();
  });

  const issue = async (event: EventEnvelope) => h.subscriptions[0]!.handle(event);

  /** The issued result as its applicant downloads it, with the public signature and keys. */
  async function download(applicationId: string) {
    const wallet = (await (await h.call(applicant, 'GET', '/documents?kind=issued')).json()) as {
      items: { id: string; applicationId: string; title: string; fileName: string }[];
    };
    const document = wallet.items.find((d) => d.applicationId === applicationId)!;
    const content = await h.call(applicant, 'GET', `/documents/${document.id}/content`);
    expect(content.status).toBe(200);
    const pdf = Buffer.from(await content.arrayBuffer());
    const verification = (await (await h.app.request(`/verification/${document.id}`)).json()) as {
      signature: string;
      sha256: string;
    };
    const jwks = await (await h.app.request('/jwks.json')).text();
    const files = {
      pdf: join(dir, `${document.id}.pdf`),
      jws: join(dir, `${document.id}.jws`),
      jwks: join(dir, 'jwks.json'),
    };
    await writeFile(files.pdf, pdf);
    await writeFile(files.jws, verification.signature);
    await writeFile(files.jwks, jwks);
    return { document, pdf, files, verification };
  }

  it('issues a signed PDF in the applicant language, once per decision', async () => {
    const event = decided('ru');
    const { applicationId } = event.payload as { applicationId: string };
    expect(await issue(event)).toBe('issued');
    expect(await issue(event)).toBe('already-issued');
    expect(await storage.storage.list('results/')).toHaveLength(1);

    const { document, pdf, files } = await download(applicationId);
    expect(document.fileName).toBe('KEM-2026-0000042.pdf');
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getTitle()).toBe(
      'Разрешение: деятельность по перевозке пассажиров легковым такси',
    );
    expect(parsed.getSubject()).toBe('KEM-2026-0000042 Разрешение на такси');
    expect(await verify(files)).toEqual({
      code: 0,
      result: { valid: true, document: document.id, kid: h.settings.signingKeys[0]!.kid },
    });
  });

  it('fails verification when one byte of the PDF changes', async () => {
    const event = decided('en', 'refused');
    const { applicationId } = event.payload as { applicationId: string };
    await issue(event);
    const { pdf, files, document } = await download(applicationId);
    expect(document.title).toBe('Refusal to grant a permit: carrying passengers by taxi');
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    await writeFile(files.pdf, tampered);
    const { code, result } = await verify(files);
    expect(code).toBe(1);
    expect(result).toMatchObject({ valid: false });
    expect(String(result['reason'])).toMatch(/does not match/);
    // A key the node never published does not verify it either.
    await writeFile(files.pdf, pdf);
    await writeFile(files.jwks, JSON.stringify({ keys: [] }));
    expect((await verify(files)).code).toBe(1);
  });

  it('reports a revoked document as revoked, and only its agency may revoke it', async () => {
    const event = decided('ru');
    const { applicationId } = event.payload as { applicationId: string };
    await issue(event);
    const { document, files } = await download(applicationId);
    expect(await verify(files, true)).toMatchObject({ code: 0, result: { revoked: false } });

    const revoke = (who: typeof supervisor) =>
      h.call(who, 'POST', `/documents/${document.id}/revocation`, {
        body: JSON.stringify({ reason: 'Выдан по ошибке' }),
        headers: { 'content-type': 'application/json' },
      });
    expect((await revoke(otherAgency)).status).toBe(404);
    expect((await h.call(stranger, 'GET', `/documents/${document.id}/content`)).status).toBe(404);
    expect((await revoke(supervisor)).status).toBe(200);
    expect((await revoke(supervisor)).status).toBe(409);

    const { code, result } = await verify(files, true);
    expect(code).toBe(2);
    expect(result).toMatchObject({ valid: false, revoked: true, reason: 'Выдан по ошибке' });
    const page = await h.app.request(`/verification/${document.id}`, {
      headers: { accept: 'text/html' },
    });
    expect(await page.text()).toContain('Документ отозван / The document has been revoked');
    // Offline, the signature itself still verifies: revocation is the node's to say.
    expect((await verify(files)).code).toBe(0);
    // A new decision after revocation may issue a new result.
    expect(await issue({ ...event, id: newId() })).toBe('issued');
  });

  it('publishes public keys only', async () => {
    const jwks = (await (await h.app.request('/jwks.json')).json()) as {
      keys: Record<string, string>[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(await readFile(script, 'utf8')).not.toMatch(/from '(?!jose|node:)/);
  });
});
