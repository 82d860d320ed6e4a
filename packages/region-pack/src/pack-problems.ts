import { missingPlacement } from '@okno/auth';
import type { PackProblem } from './read-pack';
import type { RegionPack } from './region-pack';

/** Where a problem is: the file and path in a pack (the line is found by the reader). */
type Located = Omit<PackProblem, 'line'>;

/**
 * What is wrong between the files of the packs imported together (a region's and the federal
 * one): codes given twice, and references to agencies, offices and services that none of them
 * has. Pure: the reader adds the lines.
 */
export function crossFileProblems(
  packs: readonly RegionPack[],
  /** Lists a file of which could not be read: references to them are not judged. */
  unreadable: ReadonlySet<'agencies' | 'offices' | 'services'> = new Set(),
): Located[] {
  const problems: Located[] = [];
  const at = (pack: RegionPack, file: string) => `${pack.name}/${file}`;
  const agencyCodes = new Set(packs.flatMap((p) => p.agencies.map((a) => a.code)));
  const officeByCode = new Map(packs.flatMap((p) => p.offices.map((o) => [o.code, o] as const)));
  const serviceCodes = new Set(packs.flatMap((p) => p.services.map((s) => s.code)));
  // Whether a reference is known; a list that could not be read knows every code.
  const agencies = { has: (c: string) => unreadable.has('agencies') || agencyCodes.has(c) };
  const services = { has: (c: string) => unreadable.has('services') || serviceCodes.has(c) };
  const offices = {
    has: (c: string) => unreadable.has('offices') || officeByCode.has(c),
    get: (c: string) => officeByCode.get(c),
  };

  const twice = <T>(
    pack: RegionPack,
    file: string,
    list: string,
    items: T[],
    key: (t: T) => string,
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        problems.push({
          file: at(pack, file),
          path: `${list}.${i}`,
          message: `"${k}" is given twice (first at ${list}.${first})`,
        });
    });
  };
  const servicesSeen = new Map<string, string>();
  for (const pack of packs) {
    twice(pack, 'agencies.yaml', 'agencies', pack.agencies, (a) => a.code);
    twice(pack, 'offices.yaml', 'offices', pack.offices, (o) => o.code);
    twice(pack, 'staff.yaml', 'staff', pack.staff, (s) => s.username);
    for (const person of pack.demoPeople) {
      if (pack.staff.some((s) => s.username === person.username)) {
        problems.push({
          file: at(pack, 'demo-people.yaml'),
          path: `people.${pack.demoPeople.indexOf(person)}.username`,
          message: `"${person.username}" is also in staff.yaml`,
        });
      }
    }
    for (const service of pack.services) {
      const file = at(pack, `services/${service.code}.yaml`);
      const elsewhere = servicesSeen.get(service.code);
      if (elsewhere)
        problems.push({
          file,
          path: '',
          message: `the service "${service.code}" is also in ${elsewhere}`,
        });
      servicesSeen.set(service.code, file);
      if (!agencies.has(service.content.agencyCode)) {
        problems.push({
          file,
          path: 'agencyCode',
          message: `there is no agency "${service.content.agencyCode}" in agencies.yaml`,
        });
      }
      if (pack.federal && service.content.level !== 'federal') {
        problems.push({
          file,
          path: 'level',
          message: 'the federal pack holds federal services only',
        });
      }
    }
    pack.offices.forEach((office, i) => {
      const file = at(pack, 'offices.yaml');
      if (!agencies.has(office.agencyCode)) {
        problems.push({
          file,
          path: `offices.${i}.agencyCode`,
          message: `there is no agency "${office.agencyCode}" in agencies.yaml`,
        });
      }
      if (office.services !== 'all') {
        office.services.forEach((code, j) => {
          if (!services.has(code))
            problems.push({
              file,
              path: `offices.${i}.services.${j}`,
              message: `there is no service "${code}" in services/`,
            });
        });
      }
    });
    pack.staff.forEach((member, i) => {
      const file = at(pack, 'staff.yaml');
      const path = `staff.${i}`;
      for (const { field, roles } of missingPlacement(member.roles, member)) {
        problems.push({
          file,
          path: `${path}.${field}`,
          message: `is required for the roles ${roles.join(', ')}`,
        });
      }
      if (member.agency && !agencies.has(member.agency)) {
        problems.push({
          file,
          path: `${path}.agency`,
          message: `there is no agency "${member.agency}" in agencies.yaml`,
        });
      }
      if (member.office) {
        const office = offices.get(member.office);
        if (!office)
          problems.push({
            file,
            path: `${path}.office`,
            message: `there is no office "${member.office}" in offices.yaml`,
          });
        else if (office.agencyCode !== member.agency) {
          problems.push({
            file,
            path: `${path}.office`,
            message: `"${member.office}" is an office of ${office.agencyCode}, not of ${member.agency ?? 'no agency'}`,
          });
        }
      }
    });
  }
  return problems;
}
