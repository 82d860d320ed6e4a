import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, readPacks } from '../src';

const fixture = join(import.meta.dirname, 'fixtures', 'ru-xyz');
let work: string;
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the small fixture pack, with some files replaced. */
function packWith(files: Record<string, string> = {}): string {
  work = mkdtempSync(join(tmpdir(), 'okno-pack-'));
  const folder = join(work, 'ru-xyz');
  cpSync(fixture, folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(join(fixture, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  return { [file]: text.replace(from, to) };
};

describe('reading a region pack', () => {
  it('reads a whole pack: region, agencies, offices, staff, people, calendar, services', () => {
    const result = readPacks([packWith()]);
    expect(result.problems).toEqual([]);
    const [pack] = result.packs!;
    expect(pack).toMatchObject({
      name: 'ru-xyz',
      region: { code: 'RU-XYZ', timeZone: 'Asia/Tomsk', languages: ['ru', 'en'] },
      agencies: [{ code: 'xyz-education' }, { code: 'xyz-mfc' }, { code: 'interior' }],
      offices: [{ code: 'xyz-mfc-central', kind: 'mfc' }],
      staff: [
        { username: 'xyz-counter', office: 'xyz-mfc-central' },
        { username: 'xyz-admin', roles: ['regional-admin'] },
      ],
      demoPeople: [{ username: 'xyz-citizen' }],
      calendar: { additions: { '2027': { daysOff: ['2027-04-16'] } } },
    });
    expect(pack!.services.map((s) => s.code)).toEqual(['xyz-school']);
  });

  it('names every one of five planted errors by file, line and path, all at once', () => {
    const folder = packWith({
      ...edit('region.yaml', 'timeZone: Asia/Tomsk', 'timeZone: Siberia/Nowhere'),
      ...edit('offices.yaml', 'agencyCode: xyz-mfc', 'agencyCode: xyz-nobody'),
      ...edit('staff.yaml', 'office: xyz-mfc-central', 'office: xyz-mfc-south'),
      ...edit('calendar.yaml', '2027-04-16', '2027-04-31'),
      ...edit('services/xyz-school.yaml', 'deadlineWorkingDays: 10', 'deadlineWorkingDays: ten'),
    });
    const { problems } = readPacks([folder]);
    expect(problems.map(formatProblem)).toEqual([
      'ru-xyz/region.yaml:4 timeZone: an IANA time zone such as Asia/Tomsk',
      'ru-xyz/calendar.yaml:6 additions.2027.daysOff.0: a date as YYYY-MM-DD',
      'ru-xyz/services/xyz-school.yaml:19 deadlineWorkingDays: Invalid input: expected number, received string',
      'ru-xyz/offices.yaml:5 offices.0.agencyCode: there is no agency "xyz-nobody" in agencies.yaml',
      'ru-xyz/staff.yaml:9 staff.0.office: there is no office "xyz-mfc-south" in offices.yaml',
    ]);
  });

  it("names the agency or office a staff member's roles need", () => {
    const folder = packWith(edit('staff.yaml', '    office: xyz-mfc-central\n', ''));
    expect(readPacks([folder]).problems.map(formatProblem)).toEqual([
      'ru-xyz/staff.yaml:2 staff.0.office: is required for the roles mfc-officer',
    ]);
  });

  it('holds each service to what publishing holds a form to', () => {
    const folder = packWith(edit('services/xyz-school.yaml', '    order: [childName]\n', ''));
    expect(readPacks([folder]).problems.map(formatProblem)).toEqual([
      'ru-xyz/services/xyz-school.yaml:28 form.ui.order: does not place the field "childName"',
    ]);
  });

  it('names YAML that does not parse, a key given twice, and an unknown field', () => {
    const folder = packWith({
      'agencies.yaml': 'agencies:\n  - code: a\n    code: b\n',
      ...edit('region.yaml', 'currency: RUB', 'currency: RUB\ncapital: Tomsk'),
      'demo-people.yaml': 'people: [\n',
    });
    const messages = readPacks([folder]).problems.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ru-xyz\/region\.yaml:\d+ \(file\): Unrecognized key: "capital"/),
        expect.stringMatching(/^ru-xyz\/agencies\.yaml:3 \(file\): duplicated mapping key/),
        expect.stringMatching(/^ru-xyz\/demo-people\.yaml:\d+ \(file\): /),
      ]),
    );
  });

  it('checks references across the packs imported together, and codes given twice', () => {
    work = mkdtempSync(join(tmpdir(), 'okno-pack-'));
    const region = join(work, 'ru-xyz');
    cpSync(fixture, region, { recursive: true });
    const federal = join(work, 'federal');
    cpSync(join(import.meta.dirname, 'fixtures', 'federal'), federal, { recursive: true });
    // An office of the region offers a federal service: found in the federal pack.
    writeFileSync(
      join(region, 'offices.yaml'),
      readFileSync(join(region, 'offices.yaml'), 'utf8').replace(
        'services: all',
        'services: [xyz-school, passport]',
      ),
    );
    expect(readPacks([region, federal]).problems).toEqual([]);
    // Without the federal pack, the region's office names a service nobody has.
    expect(readPacks([region]).problems.map(formatProblem)).toEqual([
      'ru-xyz/offices.yaml:16 offices.0.services.1: there is no service "passport" in services/',
    ]);
    cpSync(
      join(region, 'services', 'xyz-school.yaml'),
      join(federal, 'services', 'xyz-school.yaml'),
    );
    const twice = readPacks([region, federal]).problems.map(formatProblem);
    expect(twice).toEqual(
      expect.arrayContaining([
        'federal/services/xyz-school.yaml:1 (file): the service "xyz-school" is also in ru-xyz/services/xyz-school.yaml',
        'federal/services/xyz-school.yaml:1 level: the federal pack holds federal services only',
      ]),
    );
  });
});
