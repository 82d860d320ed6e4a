// Checks a node's audit trail end to end: pnpm audit:verify --jwks <url or file>
// Reads the database named by DATABASE_URL (PostgreSQL) or the embedded one in OKNO_DATA_DIR
// (stop the node first: an embedded database has one user at a time). The keys come from
// outside the database on purpose: whoever can rewrite the trail cannot also vouch for it.
// Exit status: 0 the trail holds, 1 it does not (every break is printed), 2 it could not run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet } from 'jose';
import { createDb } from '@okno/db';
import { readAuditTrail, verifyAuditTrail } from '../src';

const { values } = parseArgs({
  options: { jwks: { type: 'string' }, 'seal-within-minutes': { type: 'string', default: '10' } },
});
const databaseUrl = process.env['DATABASE_URL'];
const dataDir = process.env['OKNO_DATA_DIR'];
if (!values.jwks || (!databaseUrl && !dataDir)) {
  console.error(
    'usage: DATABASE_URL=postgres://… (or OKNO_DATA_DIR=…) pnpm audit:verify --jwks <url|file>\n' +
      '  --jwks  the node’s public keys: https://<node>/api/documents/jwks.json or a saved copy',
  );
  process.exit(2);
}
const keys = /^https?:\/\//.test(values.jwks)
  ? createRemoteJWKSet(new URL(values.jwks))
  : createLocalJWKSet(JSON.parse(readFileSync(fromCaller(values.jwks), 'utf8')) as JSONWebKeySet);

/** A path as the caller meant it: pnpm runs this in the package's folder. */
function fromCaller(path: string) {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

const database = await createDb({ databaseUrl, dataDir });
try {
  const trail = await readAuditTrail(database.db);
  const findings = await verifyAuditTrail(trail, {
    keys,
    now: new Date(),
    sealWithinMs: Number(values['seal-within-minutes']) * 60_000,
  });
  for (const finding of findings) console.log(JSON.stringify(finding));
  const contexts = new Set(trail.links.map((l) => l.context)).size;
  console.error(
    `${trail.events.length} events, ${trail.links.length} links in ${contexts} chains, ` +
      `${trail.checkpoints.length} signed checkpoints: ` +
      (findings.length === 0 ? 'the trail holds' : `${findings.length} problems`),
  );
  process.exitCode = findings.length === 0 ? 0 : 1;
} finally {
  await database.close();
}
