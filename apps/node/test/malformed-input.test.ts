import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { startTestNode, type TestNode } from './test-node';

// What a fuzzer's generator does not think of, sent by hand at the node's writing routes:
// bytes that are not UTF-8, nesting deep enough to break a recursive parser, numbers no
// column holds, strings longer than any field, the wrong media types, keys given twice and
// characters PostgreSQL refuses to store. Each must get a 4xx problem+json naming the trouble,
// never a 5xx, a stack trace or a path on the server; and the node must go on serving.

const citizen: TokenClaims = { sub: 'citizen-fuzz', roles: ['citizen'] };
const editor: TokenClaims = { sub: 'editor-fuzz', roles: ['catalogue-editor'] };

let node: TestNode;
let draftId: string;

beforeAll(async () => {
  node = await startTestNode();
  const draft = await send(citizen, 'POST', '/api/applications/applications', {
    serviceCode: 'school-meals-compensation',
  });
  draftId = ((await draft.json()) as { id: string }).id;
});
afterAll(() => node.close());

const send = (
  who: TokenClaims | null,
  method: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
) => node.call(who, method, path, body, contentType);

/** The answer is a client error in problem+json that gives nothing of the server away. */
async function expectClientError(res: Response, statuses: number[]) {
  const text = await res.text();
  expect(statuses, `${res.status} ${text.slice(0, 300)}`).toContain(res.status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\/work\/|\/tmp\/|\.ts:\d+/);
  const problem = JSON.parse(text) as { type: string; detail?: string };
  expect(problem.type).toMatch(/^urn:okno:problem:/);
  return problem;
}

const form = (formData: unknown) =>
  send(citizen, 'PUT', `/api/applications/applications/${draftId}/form`, formData);

describe(`malformed input, by hand, on ${testDatabaseKind}`, () => {
  it('refuses a body that is not UTF-8', async () => {
    const bytes = new Uint8Array([
      0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d,
    ]);
    await expectClientError(
      await send(null, 'POST', '/api/payments/accruals/search', bytes),
      [400],
    );
    await expectClientError(
      await send(citizen, 'POST', '/api/applications/applications', bytes),
      [400],
    );
  });

  it('refuses JSON nested a hundred thousand deep without overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await expectClientError(
      await send(citizen, 'POST', '/api/applications/applications', deep),
      [400, 422],
    );
    const deepObject = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    await expectClientError(
      await send(
        citizen,
        'PUT',
        `/api/applications/applications/${draftId}/form`,
        `{"childName":${deepObject}}`,
      ),
      [400, 422],
    );
  });

  it('refuses numbers no field holds', async () => {
    for (const amount of ['1e400', '-1e400', '123456789012345678901234567890', '0.1e-400', '1.5']) {
      const res = await send(
        editor,
        'POST',
        '/api/payments/accruals/search',
        `{"document":{"kind":"passport-rf","number":${amount}}}`,
      );
      await expectClientError(res, [400, 422]);
    }
    const rating = await send(
      citizen,
      'POST',
      `/api/applications/applications/${draftId}/rating`,
      '{"score": 1e400}',
    );
    await expectClientError(rating, [400, 409, 422]);
    // In a path: beyond PostgreSQL's integer, found by schemathesis as a 500.
    const version = await node.app.request(
      '/api/catalogue/services/marriage-registration/versions/76798507858918',
    );
    await expectClientError(version, [400]);
  });

  it('refuses strings longer than their field, and bodies over the limit before reading them', async () => {
    const long = await send(citizen, 'POST', '/api/applications/applications', {
      serviceCode: 'x'.repeat(500_000),
    });
    await expectClientError(long, [422]);
    const huge = await send(citizen, 'POST', '/api/applications/applications', {
      serviceCode: 'x'.repeat(2 * 1024 * 1024),
    });
    await expectClientError(huge, [413]);
  });

  it('refuses the wrong media types', async () => {
    const body = JSON.stringify({ serviceCode: 'school-meals-compensation' });
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', '']) {
      const res = await send(citizen, 'POST', '/api/applications/applications', body, type);
      await expectClientError(res, [400, 415, 422]);
    }
  });

  it('takes a key given twice as JSON.parse does (the last one), and checks that one', async () => {
    const twice = await send(
      citizen,
      'POST',
      '/api/applications/applications',
      '{"serviceCode":"school-meals-compensation","serviceCode":"no-such-service"}',
    );
    await expectClientError(twice, [404, 422]);
  });

  it('refuses characters PostgreSQL cannot store, naming the field, instead of failing on write', async () => {
    // A column that is not encrypted: without the check, PostgreSQL's refusal was a 500.
    const officer = { sub: 'officer-edu', roles: ['back-office-officer'], agency: 'education' };
    const comment = await send(
      officer,
      'POST',
      `/api/applications/applications/${draftId}/comments`,
      { body: 'Проверено\u0000' },
    );
    await expectClientError(comment, [422]);
    const res = await form({ childName: 'Иван\u0000', school: 'Школа № 1' });
    const problem = await expectClientError(res, [400, 422]);
    expect(JSON.stringify(problem)).toMatch(/NUL|\\\\u0000|null character/i);
    const profile = await send(citizen, 'PUT', '/api/identity/me/profile', {
      lastName: 'Петров\u0000',
      firstName: 'Иван',
    });
    await expectClientError(profile, [400, 422]);
    // In a query (found by schemathesis as a 500 from PostgreSQL) and a path.
    const auditor = { sub: 'auditor-fuzz', roles: ['auditor'] };
    for (const path of [
      '/api/identity/audit-events?actor=a%00b',
      '/api/catalogue/services/a%00b',
    ]) {
      await expectClientError(await send(auditor, 'GET', path, undefined), [400]);
    }
  });

  it('still serves after all of it', async () => {
    const res = await form({ childName: 'Иван' });
    expect(res.status, await res.text()).toBe(200);
  });
});
