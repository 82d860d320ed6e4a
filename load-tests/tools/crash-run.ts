// The crash run: applicants submit applications and pay their fees (by card and in cash)
// while one server — the node, PostgreSQL or nats-server — is killed with SIGKILL at random
// moments and started again; then proves against the database that every acknowledged write
// is there once, no key wrote twice, no event was lost, stuck or applied twice, and the
// ledger balances. Started by crash.sh, which prepares the servers' binaries and cluster.
//
//   tsx tools/crash-run.ts <node|postgres|nats>
//   CRASH_PG_BIN, CRASH_PG_DIR (a cluster made by init_postgres), CRASH_NATS_BIN, CRASH_OUT
//   CRASH_KILLS (20), CRASH_APPLICANTS (4 at once), CRASH_SEED (random; printed to replay)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb } from '@okno/db';
import { auditFees, submittedApplications } from './crash/fee-audit';
import { applyAndPay, emptyAcknowledged, type People } from './crash/journey';
import { PatientClient } from './crash/patient-client';
import type { Restartable } from './crash/restartable';
import { natsServer, oknoNode, postgres } from './crash/servers';
import { freePort } from './processes';
import { auditRush, draftsOfRun } from './rush-audit';

const target = process.argv[2];
if (target !== 'node' && target !== 'postgres' && target !== 'nats' && target !== 'embedded') {
  throw new Error('usage: crash-run.ts <node|postgres|nats|embedded>');
}
// `embedded`: the all-in-one node on its embedded database (PGlite in OKNO_DATA_DIR) is killed.
const embedded = target === 'embedded';
const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const kills = Number(process.env['CRASH_KILLS'] ?? 20);
const applicants = Number(process.env['CRASH_APPLICANTS'] ?? 4);
const seed = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const random = mulberry32(seed);
const between = (min: number, max: number) => min + Math.floor(random() * (max - min));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const repo = resolve(import.meta.dirname, '../..');
const out = required('CRASH_OUT');
const pgDir = embedded ? '' : required('CRASH_PG_DIR');
const nodeData = join(out, `node-data-${target}`);
mkdirSync(out, { recursive: true });

const [pgPort, natsPort, nodePort] = [await freePort(), await freePort(), await freePort()];
const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
const url = `http://127.0.0.1:${nodePort}`;
const servers = {
  ...(!embedded && {
    postgres: postgres(required('CRASH_PG_BIN'), pgDir, pgPort),
    nats: natsServer(required('CRASH_NATS_BIN'), join(out, `nats-${target}`), natsPort),
  }),
  node: oknoNode({
    repo,
    url,
    dataDir: nodeData,
    env: {
      ...(!embedded && { DATABASE_URL: databaseUrl, NATS_URL: `nats://127.0.0.1:${natsPort}` }),
      OKNO_SIGN_INS_PER_ADDRESS: '1000000000',
    },
    logFile: join(out, `node-${target}.log`),
  }),
};
const victim: Restartable = (embedded ? servers.node : servers[target]) as Restartable;
const backing = [servers.postgres, servers.nats].filter((s) => s !== undefined);
// However the run ends, even by an error, it leaves no server behind.
process.on('exit', () => {
  for (const server of [servers.node, ...backing]) server.abandon();
});
const started = Date.now();
for (const server of [...backing, servers.node]) await server.start();
console.log(`crash run: killing ${victim.name} ${kills} times (seed ${seed}); node at ${url}`);

const run = `${target}${Date.now()}`;
let killing = true;
let stoppedKillingAt = Infinity;
// Once the kills end, a request still unanswered two minutes later is a failure.
const client = new PatientClient(url, () => stoppedKillingAt + 120_000);
const person = (username: string) =>
  client.tokens({ grant_type: 'password', client_id: 'okno-dev', username, password: username });
const people: People = {
  citizen: person('citizen1'),
  auditor: person('auditor1'),
  post: client.tokens({
    grant_type: 'client_credentials',
    client_id: 'partner-russian-post',
    client_secret: machineSecret(nodeData, 'partner-russian-post'),
  }),
};
const acknowledged = emptyAcknowledged();
const failures: string[] = [];
let journeys = 0;

async function applicant(index: number) {
  for (let i = 0; killing; i += 1) {
    try {
      await applyAndPay(client, people, `rush-${run}-${index}-${i}`, i % 2 === 0, acknowledged);
      journeys += 1;
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
}
const applying = Promise.all(Array.from({ length: applicants }, (_, i) => applicant(i + 1)));

const downtimes: number[] = [];
for (let k = 1; k <= kills; k += 1) {
  await sleep(between(500, 4_000));
  await victim.kill();
  const down = Date.now();
  await sleep(between(0, 1_000));
  await victim.start();
  downtimes.push(Date.now() - down);
}
killing = false;
stoppedKillingAt = Date.now();
await applying;

const ledger = await client.send('GET', '/api/payments/ledger/check', {
  token: await people.auditor(),
});
// The node finishes what the crashes interrupted: outboxes drain, consumers catch up. The
// check holds the database against what was acknowledged until it agrees, or it gives up. On
// PostgreSQL it watches the running node; the embedded database belongs to one process, so
// there the node stops (gracefully) for each look and runs two seconds more between looks.
const look = async () => {
  if (embedded) await servers.node.stop();
  const handle = await createDb(embedded ? { dataDir: nodeData } : { databaseUrl });
  try {
    const drafts = [...(await draftsOfRun(handle.db, run)).values()];
    const rush = await auditRush(handle.db, acknowledged, run, 'marriage-registration');
    const submitted = await submittedApplications(handle.db, drafts);
    const fees = await auditFees(handle.db, run, submitted, acknowledged.payments);
    return { rush, fees, settled: fees.problems.length === 0 && rush.problems.length === 0 };
  } finally {
    await handle.close();
  }
};
let found = await look();
for (let settle = 1; !found.settled && settle < (embedded ? 10 : 120); settle += 1) {
  if (embedded) await servers.node.start();
  await sleep(embedded ? 2_000 : 500);
  found = await look();
}
const { rush, fees } = found;
for (const server of [servers.node, ...backing]) await server.kill();

const problems = [
  ...failures.map((f) => `a journey failed: ${f}`),
  ...rush.problems,
  ...fees.problems,
  ...(ledger.body['ok'] === true
    ? []
    : [`the ledger check failed: ${JSON.stringify(ledger.body)}`]),
];
const figures = {
  killed: victim.name,
  kills,
  seed,
  seconds: Math.round((Date.now() - started) / 1000),
  downtimeMs: { max: Math.max(...downtimes), mean: Math.round(mean(downtimes)) },
  journeysCompleted: journeys,
  feeWaitMs: percentiles(acknowledged.feeWaits),
  acknowledgedDrafts: rush.acknowledgedDrafts,
  acknowledgedSubmissions: rush.acknowledgedSubmissions,
  acknowledgedPayments: fees.acknowledgedPayments,
  draftsInDatabase: rush.draftsInDatabase,
  accruals: fees.accruals,
  paidPayments: fees.paidPayments,
  unpublishedEvents: fees.unpublishedEvents,
  ledgerBalanced: ledger.body['ok'] === true,
  clientRetries: client.met.retries,
  connectionFailures: Object.fromEntries(client.met.connectionFailures),
  replayedWrites: client.met.replayed,
  serverErrors: Object.fromEntries(client.met.serverErrors),
  problems: problems.length,
};
writeFileSync(join(out, `crash-${target}.json`), JSON.stringify({ ...figures, problems }, null, 2));
console.log(JSON.stringify(figures));
for (const problem of problems.slice(0, 20)) console.error(`✗ ${problem}`);
process.exit(problems.length === 0 && journeys > 0 ? 0 : 1);

function machineSecret(dataDir: string, clientId: string): string {
  // The embedded provider wrote the development secrets there on its first start.
  const path = join(dataDir, 'oidc-secrets.json');
  const secrets = JSON.parse(readFileSync(path, 'utf8')) as {
    clientSecrets: Record<string, string>;
  };
  const secret = secrets.clientSecrets[clientId];
  if (!secret) throw new Error(`no secret for ${clientId} in ${path}`);
  return secret;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
}

/** A small seeded generator, so a failing run's kill moments can be replayed. */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
