// After an enrolment rush: proves against the database that every acknowledged draft and
// submission is there, once, as acknowledged, and that nothing was written twice.
//
//   tsx load-tests/tools/rush-check.ts <k6 console log> <run id>
//   DATABASE_URL=postgres://...   (or OKNO_DATA_DIR for a stopped embedded node)
import { createDb } from '@okno/db';
import { auditRush } from './rush-audit';
import { readRushLog } from './rush-log';

const [logPath, run] = process.argv.slice(2);
if (!logPath || !run) throw new Error('usage: rush-check.ts <k6 console log> <run id>');
const handle = await createDb({
  databaseUrl: process.env['DATABASE_URL'],
  dataDir: process.env['OKNO_DATA_DIR'],
});
const { problems, ...figures } = await auditRush(handle.db, readRushLog(logPath), run);
await handle.close();

console.log(JSON.stringify({ ...figures, problems: problems.length }, null, 2));
for (const problem of problems.slice(0, 20)) console.error(`✗ ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
