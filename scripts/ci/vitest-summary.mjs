// Sums vitest JSON reports into the closing lines CI readers look for: vitest's own
//   Test Files  N passed (N) / Tests  N passed | N skipped (N)
// over both passes, then the plain  tests: N passed, N failed[, N skipped]
// Exits non-zero when a report is missing, a test failed, or a pass ran no test at all.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const files = { passed: 0, failed: 0, total: 0 };
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
  files.passed += report.numPassedTestSuites;
  files.failed += report.numFailedTestSuites;
  files.total += report.numTotalTestSuites;
  if (report.numPassedTests === 0) {
    console.log(`${file}: no test passed`);
    problem = true;
  }
  if (!report.success) problem = true;
}
const parts = (counts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`)
    .join(' | ');
console.log(
  ` Test Files  ${parts({ failed: files.failed, passed: files.passed })} (${files.total})`,
);
console.log(`      Tests  ${parts({ failed, passed, skipped })} (${passed + failed + skipped})`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(problem || failed > 0 ? 1 : 0);
