import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgencyName, OfficeContent, ServiceContent } from '@okno/catalogue/content';
import type { NodeClient } from './node-client';
import { packText } from './pack-text';

/** What a node answers, as much of it as a pack holds. */
const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullish() });
const Agency = z.object({
  code: z.string(),
  name: z.record(z.string(), z.string()),
  retiredAt: z.string().optional(),
});
const Office = z.object({ code: z.string(), content: z.record(z.string(), z.unknown()) });
const ServiceSummary = z.object({ code: z.string(), level: z.string() });
const Published = z.object({ content: z.record(z.string(), z.unknown()) });
const Info = z.object({ region: z.string(), calendar: z.object({ timeZone: z.string() }) });
const Staff = z.object({
  username: z.string(),
  displayName: z.string(),
  agencyCode: z.string().optional(),
  officeCode: z.string().optional(),
  roles: z.array(z.string()),
  active: z.boolean(),
});

export interface ExportOptions {
  node: NodeClient;
  /** The region's pack folder, written to hold what the node holds. */
  folder: string;
  /** Where services of `level: federal` go, as a federal pack (written too); none: the region's. */
  federalFolder?: string | undefined;
  /** Codes of the federal pack's services, left out of the region's pack. */
  federalCodes: ReadonlySet<string>;
}

export interface ExportReport {
  agencies: number;
  offices: number;
  services: number;
  federalServices: number;
  staff: number;
}

/**
 * `region export`: a running node's catalogue and staff written back as a region pack, the
 * inverse of `region import` (importing the export changes nothing). The files the node does
 * not hold (region.yaml, calendar.yaml, demo-people.yaml) are left as they are; services/
 * is made to hold exactly the node's published services.
 */
export async function exportRegion(options: ExportOptions): Promise<ExportReport> {
  const { node, folder } = options;
  const all = async <T extends z.ZodType>(path: string, item: T): Promise<z.output<T>[]> => {
    const items: z.output<T>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = Page(item).parse(await node.get(`${path}?${query}`));
      items.push(...page.items);
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return items;
  };
  const byCode = <T extends { code: string }>(items: T[]) =>
    [...items].sort((a, b) => a.code.localeCompare(b.code));

  const agencies = byCode(
    (await all('/api/catalogue/agencies', Agency)).filter((a) => a.retiredAt === undefined),
  );
  const offices = byCode(await all('/api/catalogue/offices', Office));
  const summaries = byCode(await all('/api/catalogue/services', ServiceSummary));
  const staff = (await all('/api/identity/staff', Staff))
    .filter((s) => s.active)
    .sort((a, b) => a.username.localeCompare(b.username));

  mkdirSync(join(folder, 'services'), { recursive: true });
  if (!existsSync(join(folder, 'region.yaml'))) {
    // What the node says of itself; the names and the UIN prefix are the team's to fill in.
    const info = Info.parse(await node.get('/info'));
    writeFileSync(
      join(folder, 'region.yaml'),
      packText('region', 'Who the region is', {
        code: info.region,
        name: { ru: info.region, en: info.region },
        timeZone: info.calendar.timeZone,
        uinPrefix: '00000000',
      }),
    );
  }
  writeFileSync(
    join(folder, 'agencies.yaml'),
    packText('agencies', "The region's agencies: each service and office names one", {
      // Parsed by the catalogue's own schemas: fields in the order they are declared, not
      // the database's.
      agencies: agencies.map(({ code, name }) => ({ code, name: AgencyName.parse(name) })),
    }),
  );
  writeFileSync(
    join(folder, 'offices.yaml'),
    packText('offices', 'MFCs, post offices, mobile offices (with routes), agencies’ own offices', {
      offices: offices.map(({ code, content }) => ({ code, ...OfficeContent.parse(content) })),
    }),
  );
  writeFileSync(
    join(folder, 'staff.yaml'),
    packText('staff', 'Who holds which role at which agency and office', {
      staff: staff.map((s) => {
        // The directory keeps the name as the import wrote it: first name, a space, last name.
        const [firstName = s.displayName, ...rest] = s.displayName.split(' ');
        return {
          username: s.username,
          firstName,
          lastName: rest.join(' ') || firstName,
          roles: s.roles,
          ...(s.agencyCode !== undefined && { agency: s.agencyCode }),
          ...(s.officeCode !== undefined && { office: s.officeCode }),
        };
      }),
    }),
  );

  const federal = options.federalFolder;
  if (federal) {
    mkdirSync(join(federal, 'services'), { recursive: true });
    if (!existsSync(join(federal, 'pack.yaml'))) {
      writeFileSync(
        join(federal, 'pack.yaml'),
        packText('pack', 'The federal services every region offers', {
          kind: 'federal',
          source: `exported from ${node.url}`,
        }),
      );
    }
  }
  const written = { region: new Set<string>(), federal: new Set<string>() };
  for (const { code, level } of summaries) {
    const toFederal = federal !== undefined && level === 'federal';
    if (!toFederal && options.federalCodes.has(code)) continue;
    const { content } = Published.parse(
      await node.get(`/api/catalogue/services/${encodeURIComponent(code)}`),
    );
    const target = toFederal ? federal : folder;
    writeFileSync(
      join(target, 'services', `${code}.yaml`),
      packText(
        'service',
        'One service, as its published version says it; the file name is its code',
        ServiceContent.parse(content),
        2,
      ),
    );
    written[toFederal ? 'federal' : 'region'].add(code);
  }
  removeOthers(join(folder, 'services'), written.region);
  if (federal) removeOthers(join(federal, 'services'), written.federal);
  return {
    agencies: agencies.length,
    offices: offices.length,
    services: written.region.size,
    federalServices: written.federal.size,
    staff: staff.length,
  };
}

/** A service file the node no longer publishes is removed: the pack holds what the node does. */
function removeOthers(services: string, keep: ReadonlySet<string>) {
  if (!existsSync(services)) return;
  for (const file of readdirSync(services)) {
    const code = file.replace(/\.ya?ml$/, '');
    if (code !== file && !keep.has(code)) rmSync(join(services, file));
  }
}
