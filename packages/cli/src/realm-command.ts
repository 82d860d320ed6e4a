import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadRegionConfig, realmFiles, type DemoUser } from '@okno/realm';
import { formatProblem, readPacks } from '@okno/region-pack';
import { CliError } from './cli-error';

const repositoryRoot = resolve(import.meta.dirname, '../../..');

/** The development realm's people: the pack's staff and demo applicants (password = username). */
export function packPeople(folder: string): DemoUser[] {
  const federal = join(repositoryRoot, 'regions', 'federal');
  // With the federal pack, whose services the region's offices name.
  const { packs, problems } = readPacks(existsSync(federal) ? [folder, federal] : [folder]);
  if (problems.length > 0) {
    throw new CliError(
      [`${folder} has problems:`, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'),
      1,
    );
  }
  const [pack] = packs ?? [];
  const name = (p: { username: string; firstName: string; lastName: string }) => ({
    username: p.username,
    firstName: p.firstName,
    lastName: p.lastName,
  });
  return [
    ...(pack?.staff ?? []).map((p) => ({
      ...name(p),
      roles: p.roles,
      ...(p.agency !== undefined && { agency: p.agency }),
      ...(p.office !== undefined && { office: p.office }),
    })),
    ...(pack?.demoPeople ?? []).map((p) => ({
      ...name(p),
      roles: p.roles,
      ...(p.company !== undefined && { company: p.company }),
    })),
  ].sort((a, b) => a.username.localeCompare(b.username));
}

/**
 * `okno realm generate`: a region's Keycloak realm import files from its configuration
 * (deploy/regions/<code>.json), the development realm's people from its pack; with --check,
 * fails when the committed files differ from what they generate.
 */
export function realmCommand(): Command {
  const realm = new Command('realm').description("the region's Keycloak realm files");
  realm
    .command('generate')
    .description('write deploy/keycloak from the region file and the pack; --check compares')
    .option(
      '--region <file>',
      'the region file',
      join(repositoryRoot, 'deploy/regions/ru-kem.json'),
    )
    .option('--pack <folder>', "the region's pack (default: regions/<code>)")
    .option('--out <folder>', 'where the files go', join(repositoryRoot, 'deploy/keycloak'))
    .option('--check', 'fail if the committed files are not what would be written', false)
    .action((flags: { region: string; pack?: string; out: string; check: boolean }) => {
      const config = loadRegionConfig(flags.region);
      const pack = flags.pack ?? join(repositoryRoot, 'regions', config.code.toLowerCase());
      if (!existsSync(pack)) throw new CliError(`there is no pack ${pack} (--pack)`);
      const stale: string[] = [];
      for (const [name, content] of realmFiles(config, packPeople(pack))) {
        const path = join(flags.out, name);
        if (flags.check) {
          const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
          if (current !== content) stale.push(path);
        } else {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, content);
          console.log(`wrote ${path}`);
        }
      }
      if (stale.length > 0) {
        throw new CliError(
          `Realm files are out of date; run pnpm realm:generate:\n  ${stale.join('\n  ')}`,
          1,
        );
      }
      if (flags.check) console.log('Realm files match the region configuration and its pack.');
    });
  return realm;
}
