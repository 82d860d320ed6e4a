import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicantRoles } from '@okno/auth';
import { demoAgencies, demoOffices, demoServices } from '@okno/catalogue';
import { OfficeContent, ServiceContent } from '@okno/catalogue/content';
import { demoUsers } from '@okno/realm';
import { readPacks } from '../src';

// The demo region's pack (regions/ru-kem) and the federal pack were written by `region export`
// from a demo node. Until the demo data is loaded from them, they must say exactly what the
// demo data in code says: a change to either shows here.
const regions = fileURLToPath(new URL('../../../regions', import.meta.url));
const byCode = <T extends { code: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.code.localeCompare(b.code));
const isApplicant = (roles: readonly string[]) =>
  roles.some((r) => (applicantRoles as readonly string[]).includes(r));

describe('the demo region as packs', () => {
  const { packs, problems } = readPacks([`${regions}/ru-kem`, `${regions}/federal`]);
  const [kem, federal] = packs ?? [];

  it('passes every check', () => {
    expect(problems).toEqual([]);
  });

  it('holds the demo catalogue: federal services in the federal pack, the rest in the region’s', () => {
    const inPacks = byCode([...(kem?.services ?? []), ...(federal?.services ?? [])]);
    const inCode = byCode(
      demoServices.map(({ code, content }) => ({ code, content: ServiceContent.parse(content) })),
    );
    expect(inPacks).toEqual(inCode);
    expect(federal?.services.every((s) => s.content.level === 'federal')).toBe(true);
    expect(kem?.services.some((s) => s.content.level === 'federal')).toBe(false);
  });

  it('holds the demo agencies and offices', () => {
    expect(byCode(kem?.agencies ?? [])).toEqual(byCode(demoAgencies));
    expect(byCode(kem?.offices ?? [])).toEqual(
      byCode(demoOffices.map(({ code, content }) => ({ code, ...OfficeContent.parse(content) }))),
    );
  });

  it('holds the demo people: staff with their workplaces, applicants apart', () => {
    const person = (u: (typeof demoUsers)[number]) => ({
      username: u.username,
      firstName: u.firstName,
      lastName: u.lastName,
      roles: [...u.roles],
    });
    const byName = <T extends { username: string }>(items: readonly T[]) =>
      [...items].sort((a, b) => a.username.localeCompare(b.username));
    expect(byName(kem?.staff ?? [])).toEqual(
      byName(
        demoUsers
          .filter((u) => !isApplicant(u.roles))
          .map((u) => ({
            ...person(u),
            ...(u.agency !== undefined && { agency: u.agency }),
            ...(u.office !== undefined && { office: u.office }),
          })),
      ),
    );
    expect(byName(kem?.demoPeople ?? [])).toEqual(
      byName(
        demoUsers
          .filter((u) => isApplicant(u.roles))
          .map((u) => ({ ...person(u), ...(u.company !== undefined && { company: u.company }) })),
      ),
    );
  });
});
