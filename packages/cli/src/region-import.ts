import { formatProblem, readPacks } from '@okno/region-pack';
import { batches } from './batches';
import { calendarDrift } from './calendar-check';
import { CliError } from './cli-error';
import type { NodeClient } from './node-client';
import type { Progress } from './progress';

type Outcome = 'added' | 'changed' | 'unchanged' | 'retired';
interface Results {
  results: { code: string; outcome: Outcome }[];
}
interface PeopleResults {
  results: { username: string; outcome: Outcome }[];
}
interface Retired {
  services: { code: string; outcome: Outcome }[];
  agencies: { code: string; outcome: Outcome }[];
  offices: { code: string; outcome: Outcome }[];
}

/** What an import did (or, dry, would do), by kind: each item's code and outcome. */
export type ImportReport = Record<
  'agencies' | 'services' | 'offices' | 'staff' | 'people',
  Map<string, Outcome>
>;

export interface ImportOptions {
  /** The region's pack folder, and the federal pack imported with it (none: `undefined`). */
  folders: string[];
  dryRun: boolean;
  node: NodeClient;
  progress: Progress;
  /** Where a warning goes (one that does not stop the import). */
  warn?: (line: string) => void;
}

/**
 * Imports a region's pack (and the federal pack) into a running node through its API, as the
 * region's administrator: agencies, then services (new ones published, changed ones as their
 * next version), then offices (which name services), then what the packs no longer hold
 * retired; then the staff (into the realm, so they sign in, and the staff directory), staff no
 * longer listed made inactive, and on a development node the demo applicants. Nothing is sent
 * unless every file of every pack is right; a rerun changes nothing.
 */
export async function importRegion(options: ImportOptions): Promise<ImportReport> {
  const read = readPacks(options.folders);
  if (read.problems.length > 0) {
    throw new CliError(
      [
        `${read.problems.length} ${read.problems.length === 1 ? 'problem' : 'problems'} in the pack; nothing was imported:`,
        ...read.problems.map((p) => `  ${formatProblem(p)}`),
      ].join('\n'),
      1,
    );
  }
  const packs = read.packs ?? [];
  const region = packs.find((p) => p.region);
  if (!region?.region)
    throw new CliError(`${options.folders[0]} is not a region's pack (no region.yaml)`);
  const nodeRegion = await options.node.region();
  if (nodeRegion !== region.region.code) {
    throw new CliError(
      `the pack is ${region.region.code}'s and the node at ${options.node.url} serves ${nodeRegion}: nothing was imported`,
    );
  }
  const drift = calendarDrift(region.calendar?.additions ?? {}, await options.node.get('/info'));
  if (drift.length > 0) {
    options.warn?.(
      `warning: the node's regional days for ${drift.join(', ')} are not calendar.yaml's; deadlines count them once the node is restarted with OKNO_CALENDAR_FILE=${options.folders[0]}/calendar.yaml`,
    );
  }
  const agencies = packs.flatMap((p) => p.agencies);
  const services = packs.flatMap((p) => p.services);
  const offices = packs
    .flatMap((p) => p.offices)
    .map(({ code, ...content }) => ({ code, content }));
  const staff = packs.flatMap((p) => p.staff);
  const people = packs.flatMap((p) => p.demoPeople);
  const dryRun = options.dryRun;
  const report: ImportReport = {
    agencies: new Map(),
    services: new Map(),
    offices: new Map(),
    staff: new Map(),
    people: new Map(),
  };
  const { progress } = options;
  progress.start(agencies.length + services.length + offices.length + staff.length);

  const send = async (kind: keyof ImportReport, items: { code: string }[], extra = {}) => {
    for (const batch of batches(items)) {
      const answer = (await options.node.post(`/api/catalogue/imports/${kind}`, {
        items: batch,
        dryRun,
        ...extra,
      })) as Results;
      for (const { code, outcome } of answer.results) report[kind].set(code, outcome);
      progress.advance(batch.length, kind);
    }
  };
  // A dry run adds nothing, so each step is told what the steps before it bring.
  const expect = dryRun
    ? { expect: { agencies: agencies.map((a) => a.code), services: services.map((s) => s.code) } }
    : {};
  await send('agencies', agencies);
  await send('services', services, expect);
  await send('offices', offices, expect);
  const retired = (await options.node.post('/api/catalogue/imports/retire-missing', {
    keep: {
      services: services.map((s) => s.code),
      agencies: agencies.map((a) => a.code),
      ...(offices.length > 0 && { offices: offices.map((o) => o.code) }),
    },
    dryRun,
  })) as Retired;
  for (const { code } of retired.services) report.services.set(code, 'retired');
  for (const { code } of retired.agencies) report.agencies.set(code, 'retired');
  for (const { code } of retired.offices) report.offices.set(code, 'retired');

  const sendPeople = async (
    kind: 'staff' | 'people',
    path: string,
    items: unknown[],
    extra = {},
    allowed?: number,
  ) => {
    for (const batch of batches(items)) {
      const body = { items: batch, ...extra };
      const answer = (await options.node.post(path, body, allowed)) as PeopleResults | undefined;
      if (!answer) return;
      for (const { username, outcome } of answer.results) report[kind].set(username, outcome);
      if (kind === 'staff') progress.advance(batch.length, kind);
    }
  };
  const staffItems = staff.map(({ agency, office, ...person }) => ({
    ...person,
    ...(agency !== undefined && { agency }),
    ...(office !== undefined && { office }),
  }));
  await sendPeople('staff', '/api/identity/imports/staff', staffItems, {
    dryRun,
    ...(dryRun && {
      expect: { agencies: agencies.map((a) => a.code), offices: offices.map((o) => o.code) },
    }),
  });
  if (staff.length > 0) {
    const gone = (await options.node.post('/api/identity/imports/staff/retire-missing', {
      keep: staff.map((s) => s.username),
      dryRun,
    })) as PeopleResults;
    for (const { username } of gone.results) report.staff.set(username, 'retired');
  }
  // Demo applicants exist on development nodes only: a node on Keycloak refuses them (409),
  // and the import goes on without them.
  if (people.length > 0 && !dryRun) {
    await sendPeople('people', '/api/identity/imports/demo-people', people, {}, 409);
  }
  progress.stop();
  return report;
}

/** The closing summary: a line per kind with its counts; a dry run lists every change. */
export function describeReport(report: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  const sign: Record<Outcome, string> = { added: '+', changed: '~', retired: '-', unchanged: ' ' };
  if (dryRun) {
    for (const [kind, outcomes] of Object.entries(report)) {
      for (const [code, outcome] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
        if (outcome !== 'unchanged')
          lines.push(
            `${sign[outcome]} ${kind.replace(/ies$/, 'y').replace(/s$/, '')} ${code} (${outcome})`,
          );
      }
    }
    if (lines.length === 0) lines.push('nothing would change');
    lines.push('');
  }
  const changes = Object.values(report).reduce(
    (n, m) => n + [...m.values()].filter((o) => o !== 'unchanged').length,
    0,
  );
  for (const [kind, outcomes] of Object.entries(report)) {
    const count = (o: Outcome) => [...outcomes.values()].filter((x) => x === o).length;
    lines.push(
      `${kind.padEnd(9)} ${String(outcomes.size).padStart(6)}: ${count('added')} added, ${count('changed')} changed, ${count('retired')} retired, ${count('unchanged')} unchanged`,
    );
  }
  lines.push(
    dryRun
      ? `${changes} changes would be made (dry run: nothing was written)`
      : `${changes} changes made`,
  );
  return lines.join('\n');
}
