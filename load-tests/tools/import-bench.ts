// `pnpm bench:import` (and the last part of `pnpm bench`): a generated region pack of 17,000
// services (the demo catalogue repeated for each municipality, as a region's municipal
// services are) imported into a fresh development node on the embedded default (PGlite), as
// `pnpm okno region import` does it; then imported again (nothing to change). Writes the
// figures into docs/performance.md.
//
//   IMPORT_SERVICES=17000   IMPORT_DATABASE_URL=postgres://… (PostgreSQL instead of PGlite)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { demoAgencies, demoServices, largeCatalogue } from '@okno/catalogue';
import { importRegion, nodeClient, type ImportReport } from '@okno/cli';
import { startNodeProcess } from '@okno/testing';
import { writeBenchSection } from './performance-doc';

const size = Number(process.env['IMPORT_SERVICES'] ?? 17_000);
const databaseUrl = process.env['IMPORT_DATABASE_URL'];
const repo = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'okno-import-bench-'));
const pack = join(work, 'ru-xyz');
const log = (line: string) => console.log(`[import bench] ${line}`);

try {
  mkdirSync(join(pack, 'services'), { recursive: true });
  const write = (file: string, data: unknown) => writeFileSync(join(pack, file), stringify(data));
  write('region.yaml', {
    code: 'RU-XYZ',
    name: { ru: 'Тестовая область', en: 'Test Oblast' },
    timeZone: 'Asia/Novokuznetsk',
    uinPrefix: '00000000',
  });
  write('agencies.yaml', { agencies: demoAgencies });
  let written = 0;
  for (const { code, content } of largeCatalogue(demoServices, size)) {
    write(`services/${code}.yaml`, content);
    written++;
  }
  log(`wrote a pack of ${written} services into ${pack}`);

  const node = await startNodeProcess(
    {
      OKNO_REGION: 'RU-XYZ',
      OKNO_DEMO_DATA: 'false',
      OKNO_DATA_DIR: join(work, 'data'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    join(repo, 'apps/node/src/main.ts'),
  );
  try {
    const client = nodeClient(node.url, {
      username: 'admin',
      password: 'admin',
      clientId: 'okno-dev',
    });
    const quiet = { start: () => undefined, advance: () => undefined, stop: () => undefined };
    const timed = async (dryRun: boolean) => {
      const t0 = performance.now();
      const report = await importRegion({ folders: [pack], dryRun, node: client, progress: quiet });
      return { seconds: (performance.now() - t0) / 1000, report };
    };
    const count = (report: ImportReport, outcome: string) =>
      [...report.services.values()].filter((o) => o === outcome).length;
    const first = await timed(false).catch((error: unknown) => {
      console.error(node.output().slice(-4000));
      throw error;
    });
    log(`first import: ${first.seconds.toFixed(1)} s, ${count(first.report, 'added')} added`);
    const again = await timed(false).catch((error: unknown) => {
      console.error(node.output().slice(-4000));
      throw error;
    });
    log(
      `second import: ${again.seconds.toFixed(1)} s, ${count(again.report, 'unchanged')} unchanged`,
    );
    if (count(first.report, 'added') !== size || count(again.report, 'unchanged') !== size) {
      throw new Error('the import did not add every service once, or the rerun changed something');
    }
    const database = databaseUrl
      ? 'PostgreSQL (durable, loopback)'
      : 'PGlite (the embedded default)';
    const section = `## Importing a region pack (\`pnpm bench:import\`)

A generated pack of ${size.toLocaleString('en')} services (the demo catalogue repeated for each
municipality, each service a YAML file with its documents, fees and form) and the demo region's 24
agencies, imported into a fresh development node on ${database} through its API, as
\`pnpm okno region import\` does it: the pack read and checked, then batches of at most 500
services (768 KiB) to \`POST /api/catalogue/imports/services\`, each service published as
version 1 with its event and audit entry.

| run | time | services per second |
| --- | ---: | ---: |
| first import (all added) | ${first.seconds.toFixed(1)} s | ${Math.round(size / first.seconds)} |
| second import (all unchanged) | ${again.seconds.toFixed(1)} s | ${Math.round(size / again.seconds)} |

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`;
    writeBenchSection(
      join(repo, 'docs/performance.md'),
      section,
      'pnpm bench:import',
      'load-tests/tools/import-bench.ts',
    );
    console.log(`\n${section}\n`);
  } finally {
    node.child.kill('SIGTERM');
    await node.exited;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
