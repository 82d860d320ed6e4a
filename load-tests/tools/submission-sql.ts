import { catalogueService } from '@okno/catalogue';
import { applicationsService } from '@okno/applications';
import { generateDataKey, keyring } from '@okno/crypto';
import { createDb } from '@okno/db';
import { createLogger } from '@okno/http';
import { createNodeApp } from '@okno/runtime';
import { createTestIssuer, testRegion } from '@okno/testing';

export interface Statement {
  query: string;
  params: unknown[];
}

/**
 * The SQL of one application submission, exactly as the node sends it: the portal's `submit`
 * step on a draft, served by the node's own composition over `databaseUrl` with every
 * statement and its parameters recorded.
 */
export async function captureSubmission(databaseUrl: string) {
  let recording: Statement[] | null = null;
  const handle = await createDb({
    databaseUrl,
    logger: { logQuery: (query, params) => recording?.push({ query, params }) },
  });
  const issuer = await createTestIssuer();
  const app = createNodeApp({
    region: testRegion(issuer.region),
    nodeVersion: 'bench',
    services: [catalogueService, applicationsService],
    database: handle,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('bench')]),
    logger: createLogger({ name: 'bench', level: 'silent' }),
  });
  const headers = {
    authorization: `Bearer ${await issuer.sign({ sub: 'bench-parent', roles: ['citizen'] })}`,
    'content-type': 'application/json',
  };
  const post = async (path: string, body: unknown, key: string) => {
    const res = await app.request(`/api/applications${path}`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; number: string | null };
  };
  const key = `bench-submit-${Date.now()}`;
  const draft = await post(
    '/applications',
    { serviceCode: 'school-enrolment', formData: enrolmentForm(0) },
    `${key}-draft`,
  );
  // A first submission warms the catalogue cache, as a busy node's is.
  const warm = await post(
    '/applications',
    { serviceCode: 'school-enrolment', formData: enrolmentForm(1) },
    `${key}-warm`,
  );
  await post(`/applications/${warm.id}/steps`, { step: 'submit' }, `${key}-warm-submit`);
  recording = [];
  const submitted = await post(`/applications/${draft.id}/steps`, { step: 'submit' }, key);
  const statements: Statement[] = recording;
  recording = null;
  await handle.close();
  await issuer.close();
  return { statements, applicationId: draft.id, number: submitted.number, key };
}

export const enrolmentForm = (i: number) => ({
  fullName: 'Анна Петрова',
  childName: `Иван Петров ${i}`,
  childBirthDate: '2019-05-01',
  school: 'МБОУ «Средняя общеобразовательная школа № 1»',
});

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A pgbench script running those statements: the same text and parameters (pgbench's
 * extended protocol, as node-postgres uses), in the same transaction. Per transaction, the
 * application is another draft (from `bench_drafts`) and every value that must be unique (ids,
 * the number, the Idempotency-Key) is fresh: one extra `select ... \gset` makes them. Other
 * values are passed with `-D` (returned as `defines`), so no value is pasted into SQL.
 */
export function pgbenchScript(capture: Awaited<ReturnType<typeof captureSubmission>>) {
  const defines: string[] = [];
  const fresh = new Map<string, string>(); // a unique value → the variable making it per transaction
  const constants = new Map<string, string>();
  const variableFor = (value: unknown): string => {
    if (value === capture.applicationId) return ':app_id';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (
      typeof value === 'string' &&
      (uuidShape.test(value) || value === capture.number || value === capture.key)
    ) {
      if (!fresh.has(text)) fresh.set(text, `u${fresh.size + 1}`);
      return `:${fresh.get(text)!}`;
    }
    if (!constants.has(text)) {
      constants.set(text, `c${constants.size + 1}`);
      defines.push('-D', `${constants.get(text)!}=${text}`);
    }
    return `:${constants.get(text)!}`;
  };
  // node-postgres sends begin and commit as statements (recorded); PGlite does not.
  const recordsBegin = capture.statements.some((s) => /^begin\b/i.test(s.query.trim()));
  const begin = recordsBegin
    ? -1
    : capture.statements.findIndex((s) => /^set local /i.test(s.query));
  if (!recordsBegin && begin < 0) {
    throw new Error('the submission ran no transaction: update this script');
  }
  const lines = capture.statements.map((s, i) => {
    const sql = s.query.replace(/\$(\d+)/g, (_, n: string) => {
      const value = s.params[Number(n) - 1];
      if (value === null) return 'null';
      if (value === '') return "''"; // pgbench refuses an empty -D value
      return variableFor(value);
    });
    return `${i === begin ? 'begin;\n' : ''}${sql.trim()};`;
  });
  const unique = [...fresh.values()].map((name) => `gen_random_uuid()::text as ${name}`);
  const script = [
    '-- One application submission (the portal `submit` step), as the node ran it: generated by',
    "-- load-tests/tools/submission-sql.ts. Only the first select is pgbench's own.",
    '\\set n random(1, :drafts)',
    `select id::text as app_id${unique.map((u) => `, ${u}`).join('')} from bench_drafts where n = :n \\gset`,
    ...lines,
    ...(recordsBegin ? [] : ['commit;']),
    '',
  ].join('\n');
  return { script, defines, statements: capture.statements.length };
}
