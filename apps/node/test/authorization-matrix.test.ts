import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { expectations, type Expectation } from './authorization/expectations';
import { personaClaims, personaNames, type Persona } from './authorization/personas';
import { minimalPdf, startTestNode, type TestNode } from './test-node';

// The authorization matrix: every operation of /openapi.json, called by every persona on
// records that belong to someone else, against the table in authorization/expectations.ts.
// A refusal must be a refusal (401, 403, 404: nothing written), and carry nothing of the
// owner's; an allowed caller must get past authorization. Real node, real tokens, real database.

const owner: TokenClaims = {
  sub: 'citizen-owner',
  roles: ['citizen'],
  preferred_username: 'owner',
};
/** The owner's surname: in their profile and their application's form. */
const SENTINEL = 'Сентинелова';

let node: TestNode;
const tokens = new Map<Persona, string>();
const records = {
  applicationId: '',
  documentId: '',
  paymentId: '',
  uin: '',
  unknownId: randomUUID(),
};

interface Operation {
  method: string;
  path: string;
}
let operations: Operation[] = [];

beforeAll(async () => {
  node = await startTestNode({ bank: true, events: true });
  for (const persona of personaNames) {
    const claims = personaClaims[persona];
    if (claims) tokens.set(persona, await node.issuer.sign(claims));
  }
  await createOwnersRecords();
  const doc = (await (await node.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  // Reads first: a write the table allows (an administrator retiring the service) must not
  // change the records the reads are about.
  operations = Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
    )
    .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
}, 60_000);
afterAll(() => node.close());

async function asOwner(method: string, path: string, body?: unknown) {
  const res = await node.call(owner, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The owner's profile, passport scan, application (submitted, with the scan), fee, payment. */
async function createOwnersRecords() {
  await asOwner('PUT', '/api/identity/me/profile', {
    lastName: SENTINEL,
    firstName: 'Ольга',
    birthDate: '1990-02-03',
    snils: '11223344595',
  });
  records.documentId = String(
    (await asOwner('POST', '/api/documents/documents?fileName=passport.pdf', minimalPdf))['id'],
  );
  records.applicationId = String(
    (
      await asOwner('POST', '/api/applications/applications', {
        serviceCode: 'marriage-registration',
        collectOfficeCode: 'mfc-kemerovo-lenin',
        formData: {
          fullName: `${SENTINEL} Ольга Петровна`,
          spouseName: 'Олег Кузнецов',
          ceremonyDate: '2026-12-12',
        },
      })
    )['id'],
  );
  await asOwner('POST', `/api/documents/applications/${records.applicationId}/attachments`, {
    documentId: records.documentId,
    purpose: 'passport',
  });
  await asOwner('POST', `/api/applications/applications/${records.applicationId}/steps`, {
    step: 'submit',
  });
  for (let i = 0; i < 100 && !records.uin; i += 1) {
    const { items } = (await asOwner('GET', '/api/payments/accruals')) as {
      items: { uin: string }[];
    };
    records.uin = items[0]?.uin ?? '';
    if (!records.uin) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  records.paymentId = String(
    (
      await asOwner('POST', `/api/payments/accruals/${records.uin}/payments`, {
        provider: 'okno.bank-simulator',
      })
    )['id'],
  );
}

/** The path with the owner's records in it (or an id nobody has, where the table says so). */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'applicationId':
        return records.applicationId;
      case 'subject':
        return owner.sub;
      case 'uin':
        return records.uin;
      case 'version':
        return '1';
      case 'file':
        return 'services.csv';
      case 'clientId':
        return 'partner-post';
      case 'context':
        return 'identity';
      case 'provider':
        return 'okno.bank-simulator';
      case 'page':
        return 'checkout';
      case 'code':
        if (path.includes('/agencies/')) return 'civil-registry';
        if (path.includes('/offices/')) return 'mfc-kemerovo-lenin';
        return 'marriage-registration';
      case 'id':
        if (path.includes('/applications/{id}')) return records.applicationId;
        if (path.includes('/documents/{id}')) return records.documentId;
        if (path.includes('/payments/{id}')) return records.paymentId;
        return records.unknownId;
      default:
        return records.unknownId;
    }
  });
}

function requestFor(persona: Persona, { method, path }: Operation, expectation: Expectation) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = tokens.get(persona);
  if (token) headers['authorization'] = `Bearer ${token}`;
  let url = concrete(path);
  let body: string | Uint8Array | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    body = JSON.stringify(expectation.body ?? {}).replaceAll('{documentId}', records.documentId);
    if (path === '/api/documents/documents') {
      url += '?fileName=scan.pdf';
      headers['content-type'] = 'application/pdf';
      body = minimalPdf;
    }
  }
  return node.app.request(url, { method, headers, ...(body !== undefined && { body }) });
}

/** What the answer shows of the owner, leaving out the problem's echo of the request path. */
async function leaked(res: Response): Promise<boolean> {
  const text = await res.text();
  if (!text.includes(SENTINEL)) return false;
  try {
    const { instance: _path, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest).includes(SENTINEL);
  } catch {
    return true;
  }
}

/** Checks one call against the table; returns what is wrong, if anything. */
async function verdict(persona: Persona, operation: Operation, expectation: Expectation) {
  const res = await requestFor(persona, operation, expectation);
  const status = res.status;
  const allowed = expectation.allow.includes(persona);
  if (status >= 500) return `${status}: a server error`;
  if (allowed) {
    if (status === 401 || status === 403) return `refused (${status}) but the table allows it`;
    if (operation.method === 'GET' && status === 404 && !expectation.missing) {
      return '404 but the table allows it to see the record';
    }
    return null;
  }
  if (status === 200 && operation.method === 'GET') {
    // A list filtered to what the caller may see shows a stranger nothing.
    const body = (await res.json()) as { items?: unknown[] };
    return Array.isArray(body.items) && body.items.length === 0 ? null : 'not refused (200)';
  }
  if (![401, 403, 404].includes(status)) return `not refused (${status})`;
  if (await leaked(res)) return "refused, but the answer carries the owner's data";
  return null;
}

describe(`the authorization matrix on ${testDatabaseKind}`, () => {
  it('has a line in the table for every operation, and none for operations that are gone', () => {
    const published = operations.map((o) => `${o.method} ${o.path}`);
    expect(published.filter((key) => !(key in expectations))).toEqual([]);
    expect(Object.keys(expectations).filter((key) => !published.includes(key))).toEqual([]);
  });

  it('lets in exactly whom the table names, on records that are not theirs', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const operation of operations) {
      const key = `${operation.method} ${operation.path}`;
      const expectation = expectations[key];
      if (!expectation) continue;
      for (const persona of personaNames) {
        calls += 1;
        const problem = await verdict(persona, operation, expectation);
        if (problem) problems.push(`${key} as ${persona}: ${problem}`);
      }
    }
    expect(problems.join('\n')).toBe('');
    expect(calls).toBe(operations.length * personaNames.length);
    console.info(
      `authorization matrix: ${operations.length} operations × ${personaNames.length} personas = ${calls} calls`,
    );
  }, 300_000);
});
