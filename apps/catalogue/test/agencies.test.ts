import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const tomskEducation = { ru: 'Департамент общего образования', en: 'General Education Department' };
type Agency = { code: string; name: Record<string, string>; retiredAt?: string };
type Problem = { errors: { pointer: string; message: string }[] };
const auditOf = (code: string) =>
  h.handle.db.select().from(auditEvents).where(eq(auditEvents.target, code));

describe(`the region's agencies on ${testDatabaseKind}`, () => {
  it('lists them publicly and finds one by code; an unknown one is 404', async () => {
    const page = (await (await h.app.request('/agencies?limit=100')).json()) as {
      items: Agency[];
    };
    expect(page.items.map((a) => a.code)).toContain('social-protection');
    expect((await h.app.request('/agencies/education')).status).toBe(200);
    expect((await h.app.request('/agencies/ministry-of-magic')).status).toBe(404);
  });

  it('are created and renamed by the regional administrator, each change audited once', async () => {
    const created = await h.as(admin, 'PUT', '/agencies/general-education', {
      name: tomskEducation,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code: 'general-education', name: tomskEducation });
    // Saying the same again changes nothing and records nothing.
    expect(
      (await h.as(admin, 'PUT', '/agencies/general-education', { name: tomskEducation })).status,
    ).toBe(200);
    const renamed = { ...tomskEducation, tt: 'Гомуми белем бирү департаменты' };
    const rename = await h.as(admin, 'PUT', '/agencies/general-education', { name: renamed });
    expect(rename.status).toBe(200);
    expect(((await rename.json()) as Agency).name).toEqual(renamed);
    const audit = await auditOf('general-education');
    expect(audit.map((e) => e.kind)).toEqual(['agency-saved', 'agency-saved']);
    expect(audit.every((e) => e.actorSubject === 'admin-1')).toBe(true);
  });

  it('refuses anyone else, and names a bad name field', async () => {
    const editor = await h.as(editorOf('education'), 'PUT', '/agencies/education', {
      name: { ru: 'x', en: 'x' },
    });
    expect(editor.status).toBe(403);
    const badCode = await h.as(admin, 'PUT', '/agencies/Bad_Code', { name: tomskEducation });
    expect(badCode.status).toBe(400);
    const bad = await h.as(admin, 'PUT', '/agencies/fine-code', { name: { ru: '', TT: 'x' } });
    expect(bad.status).toBe(422);
    const pointers = ((await bad.json()) as Problem).errors.map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/name/TT', '/name/en', '/name/ru']);
  });

  it('refuses a service or an office whose agency does not exist, naming the field', async () => {
    const service = await h.as(editorOf('ministry-of-magic'), 'POST', '/services', {
      code: 'wand-licence',
      content: serviceContent('ministry-of-magic', { ru: 'Лицензия', en: 'Licence' }),
    });
    expect(service.status).toBe(422);
    expect(((await service.json()) as Problem).errors).toEqual([
      expect.objectContaining({
        pointer: '/content/agencyCode',
        message: 'there is no agency "ministry-of-magic"',
      }),
    ]);
    const office = await h.as(
      admin,
      'PUT',
      '/offices/magic-office',
      officeContent('ministry-of-magic'),
    );
    expect(office.status).toBe(422);
    expect(JSON.stringify(await office.json())).toContain(
      'there is no agency \\"ministry-of-magic\\"',
    );
  });

  it('are retired, never deleted: still readable, listed on request, closed to new services', async () => {
    await h.as(admin, 'PUT', '/agencies/closing', { name: { ru: 'Закрывается', en: 'Closing' } });
    const draft = await h.as(editorOf('closing'), 'POST', '/services', {
      code: 'closing-service',
      content: serviceContent('closing', { ru: 'Услуга', en: 'Service' }),
    });
    expect(draft.status).toBe(201);
    const retired = await h.as(admin, 'POST', '/agencies/closing/retire');
    expect(retired.status).toBe(200);
    expect(((await retired.json()) as Agency).retiredAt).toEqual(expect.any(String));
    expect((await h.as(admin, 'POST', '/agencies/closing/retire')).status).toBe(200);
    expect((await h.app.request('/agencies/closing')).status).toBe(200);
    const listed = async (query: string) =>
      (
        (await (await h.app.request(`/agencies?limit=100${query}`)).json()) as { items: Agency[] }
      ).items.map((a) => a.code);
    expect(await listed('')).not.toContain('closing');
    expect(await listed('&retired=include')).toContain('closing');
    // Its draft cannot be published any more, nor a new one added.
    const publish = await h.as(
      editorOf('closing'),
      'POST',
      '/services/closing-service/draft/publish',
    );
    expect(publish.status).toBe(422);
    expect(JSON.stringify(await publish.json())).toContain('the agency \\"closing\\" is retired');
    const another = await h.as(editorOf('closing'), 'POST', '/services', {
      code: 'closing-service-2',
      content: serviceContent('closing', { ru: 'Услуга', en: 'Service' }),
    });
    expect(another.status).toBe(422);
    expect((await auditOf('closing')).map((e) => e.kind)).toEqual([
      'agency-saved',
      'agency-retired',
    ]);
    // Renaming brings it back.
    await h.as(admin, 'PUT', '/agencies/closing', { name: { ru: 'Вновь', en: 'Again' } });
    expect(await listed('')).toContain('closing');
  });
});
