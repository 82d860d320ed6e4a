import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RegionFile } from '@okno/region-pack';
import { CliError } from './cli-error';
import { packText } from './pack-text';

export interface DevelopmentRegion {
  code: string;
  nameRu?: string | undefined;
  nameEn?: string | undefined;
  timeZone?: string | undefined;
  uinPrefix?: string | undefined;
  /**
   * The agencies the federal pack's services name: the region lists its offices of them under
   * these codes, so the pack checks (and imports) with the federal pack from the start.
   */
  federalAgencies?: readonly string[];
}

/**
 * `region init <CODE>` for development: a region's pack to fill in, `regions/<code>/`, with
 * one administrator and one citizen to sign in as; only what a development node needs is
 * asked (the code and the time zone). Refuses to overwrite a pack.
 */
export function initDevelopmentRegion(root: string, options: DevelopmentRegion): string {
  if (!options.timeZone)
    throw new CliError(
      '--time-zone is needed: legal deadlines end at midnight there (e.g. Asia/Tomsk)',
    );
  const parsed = RegionFile.safeParse({
    code: options.code,
    name: { ru: options.nameRu ?? options.code, en: options.nameEn ?? options.code },
    timeZone: options.timeZone,
    uinPrefix: options.uinPrefix ?? '00000000',
  });
  if (!parsed.success) {
    throw new CliError(
      parsed.error.issues
        .map((i) => {
          const flag = { code: '<code>', timeZone: '--time-zone', uinPrefix: '--uin-prefix' }[
            String(i.path[0])
          ];
          return `${flag ?? `--${String(i.path.join('-'))}`}: ${i.message}`;
        })
        .join('\n'),
    );
  }
  const region = parsed.data;
  const code = region.code.toLowerCase();
  const folder = join(root, 'regions', code);
  if (existsSync(folder)) throw new CliError(`not overwriting ${relative(root, folder)}`);
  mkdirSync(join(folder, 'services'), { recursive: true });
  const files: Record<string, string> = {
    'region.yaml': packText('region', 'Who the region is', { ...region }),
    'agencies.yaml': packText(
      'agencies',
      "The region's agencies: each service and office names one",
      {
        agencies: [
          { code: `${code}-mfc`, name: { ru: 'МФЦ', en: 'MFC' } },
          // Named for what they are until the team writes the real names in.
          ...[...(options.federalAgencies ?? [])].sort().map((federal) => ({
            code: federal,
            name: {
              ru: `Региональное отделение (${federal}): впишите название`,
              en: `Regional office (${federal}): write its name in`,
            },
          })),
        ],
      },
    ),
    'offices.yaml': packText(
      'offices',
      'MFCs, post offices, mobile offices (with routes), agencies’ own offices',
      { offices: [] },
    ),
    'staff.yaml': packText('staff', 'Who holds which role at which agency and office', {
      staff: [
        {
          username: `${code}-admin`,
          firstName: 'Администратор',
          lastName: region.code,
          roles: ['regional-admin'],
        },
      ],
    }),
    'demo-people.yaml': packText(
      'demo-people',
      'Development only: applicants to sign in as (password = username)',
      {
        people: [
          {
            username: `${code}-citizen`,
            firstName: 'Иван',
            lastName: 'Иванов',
            roles: ['citizen'],
          },
        ],
      },
    ),
    'calendar.yaml': packText('calendar', "The region's own holidays, added to the federal years", {
      additions: {},
    }),
    'services/README.md':
      '# Services\n\nOne file per service, named by its code (`school-enrolment.yaml`); see docs/regions.md.\n',
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  const at = relative(root, folder);
  return [
    ...Object.keys(files).map((f) => `wrote ${at}/${f}`),
    '',
    'Next (docs/regions.md):',
    `  fill in ${at}/*.yaml and ${at}/services/, then check it:  pnpm okno region check ${at}`,
    `  start a node for the region:  OKNO_REGION=${region.code} OKNO_TIME_ZONE=${region.timeZone} pnpm start`,
    `  import the pack:  pnpm okno region import ${at} --username admin --password admin`,
  ].join('\n');
}
