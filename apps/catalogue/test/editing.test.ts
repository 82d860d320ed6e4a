import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueOutbox, serviceVersions } from '@okno/db/catalogue';
import { auditEvents } from '@okno/db/identity';
import { testDatabaseKind } from '@okno/testing';
import { catalogueHarness, editorOf, type CatalogueHarness } from './catalogue-harness';
import { serviceContent } from './service-fixture';

let h: CatalogueHarness;
beforeAll(async () => {
  h = await catalogueHarness();
});
afterAll(() => h.close());

const social = editorOf('social-protection');
const education = editorOf('education');
const admin = { sub: 'admin-1', roles: ['regional-admin'] };
const benefit = serviceContent('social-protection', {
  ru: 'Ежемесячное пособие на ребёнка',
  en: 'Monthly child benefit',
});

async function createAndPublish(code: string) {
  expect((await h.as(social, 'POST', '/services', { code, content: benefit })).status).toBe(201);
  const res = await h.as(social, 'POST', `/services/${code}/draft/publish`);
  expect(res.status, await res.clone().text()).toBe(200);
}

describe(`catalogue editing on ${testDatabaseKind}`, () => {
  it("keeps editors to their own agency's services", async () => {
    await createAndPublish('child-benefit');
    const other = serviceContent('social-protection', { ru: 'Иное', en: 'Other' });
    expect((await h.as(education, 'POST', '/services', { code: 'x', content: other })).status).toBe(
      403,
    );
    expect((await h.as(education, 'PUT', '/services/child-benefit/draft', benefit)).status).toBe(
      403,
    );
    expect((await h.as(education, 'POST', '/services/child-benefit/draft/publish')).status).toBe(
      403,
    );
    expect((await h.as(education, 'POST', '/services/child-benefit/retire')).status).toBe(403);
    const citizen = { sub: 'c1', roles: ['citizen'] };
    expect((await h.as(citizen, 'PUT', '/services/child-benefit/draft', benefit)).status).toBe(403);
    // The regional administrator may edit any agency's services.
    expect((await h.as(admin, 'PUT', '/services/child-benefit/draft', benefit)).status).toBe(200);
  });

  it('never changes a published version: a new version supersedes it', async () => {
    await createAndPublish('housing-subsidy');
    const changed = { ...benefit, deadlineWorkingDays: 5 };
    expect((await h.as(social, 'PUT', '/services/housing-subsidy/draft', changed)).status).toBe(
      200,
    );
    // The draft is not public until published.
    const current = (await (await h.app.request('/services/housing-subsidy')).json()) as {
      version: number;
      content: { deadlineWorkingDays: number };
    };
    expect(current).toMatchObject({ version: 1, content: { deadlineWorkingDays: 10 } });

    const v2 = await h.as(social, 'POST', '/services/housing-subsidy/draft/publish');
    expect(await v2.json()).toMatchObject({ version: 2, status: 'published' });
    // The public sees the new version at once, whatever it read (and cached) before.
    expect(await (await h.app.request('/services/housing-subsidy')).json()).toMatchObject({
      version: 2,
      content: { deadlineWorkingDays: 5 },
    });
    const v1 = await h.app.request('/services/housing-subsidy/versions/1');
    expect(await v1.json()).toMatchObject({
      version: 1,
      status: 'retired',
      content: { deadlineWorkingDays: 10 },
    });

    // Not even SQL can rewrite a published or retired version.
    for (const version of [1, 2]) {
      await expect(
        h.handle.db
          .update(serviceVersions)
          .set({ content: sql`jsonb_set(content, '{deadlineWorkingDays}', '1')` })
          .where(sql`service_code = 'housing-subsidy' and version = ${version}`),
      ).rejects.toThrow();
    }
  });

  it('refuses to publish an invalid form schema, naming what is wrong', async () => {
    const broken = serviceContent('social-protection', { ru: 'Сломанная', en: 'Broken' });
    broken.form.schema = {
      type: 'object',
      properties: { age: { type: 'integer', minimum: 'zero' } },
    };
    broken.form.ui = { order: ['age'], labels: { age: { ru: 'Возраст', en: 'Age' } } };
    expect(
      (await h.as(social, 'POST', '/services', { code: 'broken', content: broken })).status,
    ).toBe(201);
    const res = await h.as(social, 'POST', '/services/broken/draft/publish');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { pointer: string; message: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({
        pointer: '/form/schema',
        message: expect.stringContaining('not a valid JSON Schema') as string,
      }),
    ]);
    expect((await h.app.request('/services/broken')).status).toBe(404);
  });

  it('refuses a form that asks for what a registry holds, or leaves fields unlabelled', async () => {
    const greedy = serviceContent('social-protection', { ru: 'Жадная форма', en: 'Greedy form' });
    greedy.form.schema = {
      type: 'object',
      properties: {
        incomeCertificate: { type: 'string', format: 'uri', 'x-okno-document': 'income-data' },
        comment: { type: 'string' },
      },
    };
    greedy.form.ui = {
      order: ['incomeCertificate', 'comment'],
      labels: { incomeCertificate: { ru: 'Справка о доходах', en: 'Income certificate' } },
    };
    await h.as(social, 'POST', '/services', { code: 'greedy', content: greedy });
    const res = await h.as(social, 'POST', '/services/greedy/draft/publish');
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { pointer: string; message: string }[] };
    expect(errors.map((e) => e.pointer).sort()).toEqual([
      '/form/schema/properties/incomeCertificate',
      '/form/ui/labels/comment',
    ]);
    expect(errors.find((e) => e.pointer.endsWith('incomeCertificate'))?.message).toMatch(
      /once-only/,
    );
  });

  it('validates the content itself, every bad field reported', async () => {
    const res = await h.as(social, 'PUT', '/services/child-benefit/draft', {
      ...benefit,
      level: 'galactic',
      deadlineWorkingDays: 0,
      fees: [
        {
          applicantType: 'any',
          amountMinor: 100,
          kbk: '123',
          title: { ru: 'Пошлина', en: 'Duty' },
        },
      ],
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { pointer: string }[] };
    expect(errors.map((e) => e.pointer).sort()).toEqual([
      '/deadlineWorkingDays',
      '/fees/0/kbk',
      '/level',
    ]);
  });

  it('audits who changed and published what', async () => {
    const rows = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, 'housing-subsidy'));
    expect(rows.map((r) => [r.kind, r.actorSubject])).toEqual(
      expect.arrayContaining([
        ['catalogue-draft-saved', 'editor-social-protection'],
        ['catalogue-published', 'editor-social-protection'],
      ]),
    );
    expect(rows.filter((r) => r.kind === 'catalogue-published').map((r) => r.details)).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
  });

  it('tells the node of each publication through the outbox, with the version it supersedes', async () => {
    const events = await h.handle.db
      .select()
      .from(catalogueOutbox)
      .where(sql`${catalogueOutbox.payload}->>'serviceCode' = 'housing-subsidy'`)
      .orderBy(catalogueOutbox.occurredAt);
    const versions = await h.handle.db
      .select({ id: serviceVersions.id, version: serviceVersions.version })
      .from(serviceVersions)
      .where(eq(serviceVersions.serviceCode, 'housing-subsidy'));
    const idOf = (n: number) => versions.find((v) => v.version === n)?.id;
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'catalogue.service.published',
        expect.objectContaining({ version: 1, versionId: idOf(1), supersedes: null }),
      ],
      [
        'catalogue.service.published',
        expect.objectContaining({
          version: 2,
          versionId: idOf(2),
          supersedes: 1,
          agencyCode: 'social-protection',
        }),
      ],
    ]);
  });

  it('withdraws a service: gone from the public catalogue, its versions kept, the node told', async () => {
    const content = serviceContent('social-protection', {
      ru: 'Талон на дрова',
      en: 'Firewood voucher',
    });
    expect((await h.as(social, 'POST', '/services', { code: 'firewood', content })).status).toBe(
      201,
    );
    expect((await h.as(social, 'POST', '/services/firewood/draft/publish')).status).toBe(200);
    expect((await h.as(education, 'POST', '/services/firewood/retire')).status).toBe(403);
    expect((await h.as(social, 'POST', '/services/firewood/retire')).status).toBe(204);
    expect((await h.app.request('/services/firewood')).status).toBe(404);
    expect((await h.app.request('/services/firewood/versions/1')).status).toBe(200);
    expect((await h.as(social, 'POST', '/services/firewood/retire')).status).toBe(404);
    const events = await h.handle.db
      .select({ type: catalogueOutbox.type, payload: catalogueOutbox.payload })
      .from(catalogueOutbox)
      .where(sql`${catalogueOutbox.payload}->>'serviceCode' = 'firewood'`)
      .orderBy(catalogueOutbox.occurredAt);
    expect(events.map((e) => e.type)).toEqual([
      'catalogue.service.published',
      'catalogue.service.retired',
    ]);
    expect(events[1]?.payload).toEqual({ serviceCode: 'firewood', version: 1 });
  });
});
