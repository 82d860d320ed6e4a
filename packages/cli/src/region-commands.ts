import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { formatProblem, readPackAlone, readPacks } from '@okno/region-pack';
import { CliError } from './cli-error';
import { nodeClient, type Credentials } from './node-client';
import { progressFor } from './progress';
import { exportRegion } from './region-export';
import { describeReport, importRegion } from './region-import';
import { camel, productionFlags, productionInit } from './region-init-production';
import { initDevelopmentRegion } from './region-scaffold';

/** The repository root: where `regions/` and `deploy/` are. */
export const repositoryRoot = resolve(import.meta.dirname, '../../..');
const federalPack = join(repositoryRoot, 'regions', 'federal');

const nodeOptions = (command: Command) =>
  command
    .addOption(
      new Option('--url <url>', 'the running node')
        .env('OKNO_URL')
        .default('http://localhost:3000'),
    )
    .addOption(
      new Option('--token <jwt>', "a regional administrator's access token").env('OKNO_TOKEN'),
    )
    .option('--username <name>', 'sign in as this regional administrator instead (password grant)')
    .addOption(new Option('--password <password>', 'their password').env('OKNO_PASSWORD'))
    .option('--client-id <id>', 'the OpenID client allowed the password grant', 'okno-dev')
    .option('--issuer <url>', "the OpenID provider's issuer (default: the node's embedded one)");

interface NodeFlags {
  url: string;
  token?: string;
  username?: string;
  password?: string;
  clientId: string;
  issuer?: string;
}

function credentials(flags: NodeFlags): Credentials {
  if (flags.token) return { token: flags.token };
  if (flags.username) {
    if (!flags.password) throw new CliError('--username needs --password (or OKNO_PASSWORD)');
    return {
      username: flags.username,
      password: flags.password,
      clientId: flags.clientId,
      issuer: flags.issuer,
    };
  }
  throw new CliError('sign in with --token (or OKNO_TOKEN), or --username and --password');
}

/** The region's folder and the federal pack imported with it (unless --no-federal). */
function packFolders(folder: string, federal: boolean): string[] {
  const region = resolve(folder);
  if (!existsSync(region)) throw new CliError(`there is no folder ${folder}`);
  return federal && existsSync(federalPack) && region !== federalPack
    ? [region, federalPack]
    : [region];
}

export function regionCommands(): Command {
  const region = new Command('region').description(
    "a region's pack: create, check, import into a node",
  );

  const init = region
    .command('init')
    .description(
      "start a region: its pack to fill in (development), or its deployment's files (production)",
    )
    .argument('<code>', 'the ISO 3166-2 code, e.g. RU-TOM')
    .addOption(
      new Option('--profile <profile>', 'what to write')
        .choices(['development', 'production'])
        .default('development'),
    )
    .option('--name-ru <name>', "the region's name in Russian")
    .option('--name-en <name>', "the region's name in English")
    .option('--time-zone <zone>', 'its IANA time zone, e.g. Asia/Tomsk')
    .option('--uin-prefix <digits>', 'its UIN prefix: 8 or 3 digits (production: required)')
    .option('--out <folder>', 'the repository root to write into', repositoryRoot);
  for (const [flag, what] of productionFlags)
    init.option(`--${flag} <value>`, `production: ${what}`);
  init
    .option('--size <size>', 'production: small or large', 'small')
    .action(async (code: string, flags: Record<string, string | undefined>) => {
      const out = flags['out'] ?? repositoryRoot;
      if (flags['profile'] === 'production') {
        console.log(await productionInit(code, flags, out));
        return;
      }
      const given = productionFlags.filter(([flag]) => flags[camel(flag)] !== undefined);
      if (given.length > 0) {
        throw new CliError(`--${given[0]![0]} is for --profile production`);
      }
      const federal = existsSync(federalPack) ? (readPackAlone(federalPack).packs ?? []) : [];
      const written = initDevelopmentRegion(out, {
        federalAgencies: [
          ...new Set(federal.flatMap((p) => p.services.map((s) => s.content.agencyCode))),
        ],
        code,
        nameRu: flags['nameRu'],
        nameEn: flags['nameEn'],
        timeZone: flags['timeZone'],
        uinPrefix: flags['uinPrefix'],
      });
      console.log(written);
    });

  region
    .command('check')
    .description('check packs, naming every problem by file, line and path (no node needed)')
    .argument('<folders...>', "a region's pack, e.g. regions/ru-tom, or several")
    .option('--no-federal', 'without the federal pack')
    .action((folders: string[], flags: { federal: boolean }) => {
      // Each region's pack with the federal pack, as it would be imported.
      const problems = [];
      for (const folder of folders) {
        const read = readPacks(packFolders(folder, flags.federal));
        problems.push(...read.problems);
        for (const pack of read.packs ?? []) {
          console.log(
            `${pack.name}: ${pack.agencies.length} agencies, ${pack.offices.length} offices, ${pack.staff.length} staff, ${pack.services.length} services: no problems`,
          );
        }
      }
      if (problems.length > 0) {
        throw new CliError(
          [`${problems.length} problems:`, ...problems.map((p) => `  ${formatProblem(p)}`)].join(
            '\n',
          ),
          1,
        );
      }
    });

  nodeOptions(
    region
      .command('import')
      .description("import a region's pack (with the federal pack) into a running node")
      .argument('<folder>', "the region's pack, e.g. regions/ru-tom")
      .option('--dry-run', 'list what would be added, changed and retired; change nothing', false)
      .option('--no-federal', 'without the federal pack'),
  ).action(async (folder: string, flags: NodeFlags & { dryRun: boolean; federal: boolean }) => {
    const started = Date.now();
    const report = await importRegion({
      folders: packFolders(folder, flags.federal),
      dryRun: flags.dryRun,
      node: nodeClient(flags.url, credentials(flags)),
      progress: progressFor(process.stderr),
      warn: (line) => console.error(line),
    });
    console.log(describeReport(report, flags.dryRun));
    console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  nodeOptions(
    region
      .command('export')
      .description("write a running node's catalogue and staff as a region pack (import's inverse)")
      .argument('<folder>', 'the pack to write, e.g. regions/ru-tom')
      .option(
        '--federal-to <folder>',
        'write services of level federal to this federal pack instead of the region pack',
      ),
  ).action(async (folder: string, flags: NodeFlags & { federalTo?: string }) => {
    const target = resolve(folder);
    const federalTo = flags.federalTo === undefined ? undefined : resolve(flags.federalTo);
    // Without --federal-to, the federal pack's own services stay out of the region's pack, so
    // that importing the two together gives each service once.
    const federalCodes =
      federalTo === undefined && existsSync(federalPack)
        ? new Set(
            (readPackAlone(federalPack).packs ?? []).flatMap((p) => p.services.map((s) => s.code)),
          )
        : new Set<string>();
    const report = await exportRegion({
      node: nodeClient(flags.url, credentials(flags)),
      folder: target,
      federalFolder: federalTo,
      federalCodes,
    });
    console.log(
      `wrote ${folder}: ${report.agencies} agencies, ${report.offices} offices, ${report.services} services, ${report.staff} staff` +
        (federalTo ? `; ${flags.federalTo}: ${report.federalServices} services` : ''),
    );
  });

  return region;
}
