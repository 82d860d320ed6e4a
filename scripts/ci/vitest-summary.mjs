// Sums vitest JSON reports into the plain closing line CI readers look for:
//   tests: N passed, N failed[, N skipped]
// Exits non-zero when a report is missing, a test failed, or a pass ran no test at all.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let problem = false;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log(`no test report at ${file}: that pass did not finish`);
    problem = true;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numPassedTests === 0) {
    console.log(`${file}: no test passed`);
    problem = true;
  }
  if (!report.success) problem = true;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(problem || failed > 0 ? 1 : 0);
