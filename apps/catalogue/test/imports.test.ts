import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceVersions } from '@okno/db/catalogue';
import { auditEvents } from '@okno/db/identity';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import { officeContent, serviceContent } from './service-fixture';

let h: CatalogueHarness;
beforeAll(async () => {
  h = await catalogueHarness();
});
afterAll(() => h.close());

const admin: TokenClaims = { sub: 'admin-1', roles: ['regional-admin'] };
type Results = { dryRun: boolean; results: { code: string; outcome: string }[] };
const post = async (path: string, body: unknown, claims = admin) => {
  const res = await h.as(claims, 'POST', path, body);
  return { status: res.status, body: (await res.json()) as Results & Record<string, unknown> };
};
const outcomes = (r: Results) => Object.fromEntries(r.results.map((x) => [x.code, x.outcome]));
const versionsOf = (code: string) =>
  h.handle.db
    .select({ version: serviceVersions.version, status: serviceVersions.status })
    .from(serviceVersions)
    .where(eq(serviceVersions.serviceCode, code));

const agencyItems = [
  { code: 'tom-education', name: { ru: 'Департамент образования', en: 'Education Department' } },
];
const service = (title: string) =>
  serviceContent('tom-education', { ru: title, en: `${title} (en)` });

describe(`importing a region pack into the catalogue on ${testDatabaseKind}`, () => {
  it('adds agencies and services, then finds nothing to change on a second run', async () => {
    expect(outcomes((await post('/imports/agencies', { items: agencyItems })).body)).toEqual({
      'tom-education': 'added',
    });
    const items = [
      { code: 'tom-school', content: service('Запись в школу') },
      { code: 'tom-camp', content: service('Путёвка в лагерь') },
    ];
    const first = await post('/imports/services', { items });
    expect(first.status).toBe(200);
    expect(outcomes(first.body)).toEqual({ 'tom-school': 'added', 'tom-camp': 'added' });
    expect(await versionsOf('tom-school')).toEqual([{ version: 1, status: 'published' }]);

    const again = await post('/imports/services', { items });
    expect(outcomes(again.body)).toEqual({ 'tom-school': 'unchanged', 'tom-camp': 'unchanged' });
    expect(outcomes((await post('/imports/agencies', { items: agencyItems })).body)).toEqual({
      'tom-education': 'unchanged',
    });
    const published = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, 'tom-school'));
    expect(published.map((e) => [e.kind, e.details])).toEqual([
      ['catalogue-published', { version: 1, import: true }],
    ]);
  });

  it('publishes a changed service as its next version; a dry run says so and writes nothing', async () => {
    const changed = [{ code: 'tom-school', content: service('Запись в первый класс') }];
    const dry = await post('/imports/services', { items: changed, dryRun: true });
    expect(dry.body).toEqual({
      dryRun: true,
      results: [{ code: 'tom-school', outcome: 'changed' }],
    });
    expect(await versionsOf('tom-school')).toEqual([{ version: 1, status: 'published' }]);

    expect(outcomes((await post('/imports/services', { items: changed })).body)).toEqual({
      'tom-school': 'changed',
    });
    expect((await versionsOf('tom-school')).sort((a, b) => a.version! - b.version!)).toEqual([
      { version: 1, status: 'retired' },
      { version: 2, status: 'published' },
    ]);
  });

  it('refuses a batch naming each item whose agency is unknown, and writes none of it', async () => {
    const res = await post('/imports/services', {
      items: [
        { code: 'tom-fine', content: service('Хорошая') },
        { code: 'tom-bad', content: serviceContent('ministry-of-magic', { ru: 'x', en: 'x' }) },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      expect.objectContaining({
        pointer: '/items/1/content/agencyCode',
        message: 'there is no agency "ministry-of-magic"',
      }),
    ]);
    expect(await versionsOf('tom-fine')).toEqual([]);
  });

  it('refuses a service whose form could not be published, naming the field', async () => {
    const content = service('Без подписи');
    const unlabelled = {
      ...content,
      form: { ...content.form, ui: { ...content.form.ui, labels: {} } },
    };
    const res = await post('/imports/services', {
      items: [{ code: 'tom-unlabelled', content: unlabelled }],
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body['errors'])).toContain('/items/0/content/form/ui/labels/');
    expect(await versionsOf('tom-unlabelled')).toEqual([]);
  });

  it('retires what the pack no longer holds, never deleting it', async () => {
    const keep = { services: ['tom-school'], agencies: ['tom-education'] };
    const dry = await post('/imports/retire-missing', { keep, dryRun: true });
    expect(dry.body['services']).toEqual(
      expect.arrayContaining([{ code: 'tom-camp', outcome: 'retired' }]),
    );
    expect(await versionsOf('tom-camp')).toEqual([{ version: 1, status: 'published' }]);
    const real = await post('/imports/retire-missing', { keep });
    expect(real.status).toBe(200);
    expect(await versionsOf('tom-camp')).toEqual([{ version: 1, status: 'retired' }]);
    // The demo agencies are not in this pack and are responsible for nothing: retired.
    expect((real.body['agencies'] as { code: string }[]).map((a) => a.code)).toContain('education');
    expect((await h.app.request('/agencies/education')).status).toBe(200);
  });

  it('closes the offices the pack no longer lists, and reopens one it lists again', async () => {
    const office = { code: 'tom-school-office', content: officeContent('tom-education') };
    const old = { ...office, code: 'tom-old-office' };
    expect(outcomes((await post('/imports/offices', { items: [office, old] })).body)).toEqual({
      'tom-school-office': 'added',
      'tom-old-office': 'added',
    });
    const listed = async () =>
      ((await (await h.app.request('/offices')).json()) as { items: { code: string }[] }).items.map(
        (o) => o.code,
      );
    expect(await listed()).toEqual(['tom-old-office', 'tom-school-office']);
    const keep = {
      services: ['tom-school'],
      agencies: ['tom-education'],
      offices: ['tom-school-office'],
    };
    const dry = await post('/imports/retire-missing', { keep, dryRun: true });
    expect(dry.body['offices']).toEqual([{ code: 'tom-old-office', outcome: 'retired' }]);
    expect(await listed()).toContain('tom-old-office');

    const real = await post('/imports/retire-missing', { keep });
    expect(real.body['offices']).toEqual(dry.body['offices']);
    expect(await listed()).toEqual(['tom-school-office']);
    // Still there for the applications that name it, marked closed, and audited.
    const closed = await h.app.request('/offices/tom-old-office');
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { retiredAt?: string }).retiredAt).toBeDefined();
    const audit = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, 'tom-old-office'));
    expect(audit.map((e) => [e.kind, e.details])).toContainEqual([
      'catalogue-office-retired',
      { import: true },
    ]);
    // A second run finds nothing more to close.
    expect((await post('/imports/retire-missing', { keep })).body['offices']).toEqual([]);

    // Listed again, the same description reopens it: a change, not nothing.
    expect(outcomes((await post('/imports/offices', { items: [old] })).body)).toEqual({
      'tom-old-office': 'changed',
    });
    expect(await listed()).toEqual(['tom-old-office', 'tom-school-office']);
  });

  it('is for the regional administrator only', async () => {
    const res = await post('/imports/agencies', { items: agencyItems }, editorOf('tom-education'));
    expect(res.status).toBe(403);
  });
});
