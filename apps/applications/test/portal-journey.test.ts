import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { applicationsOutbox, applicationTransitions } from '@okno/db/applications';
import { auditEvents } from '@okno/db/identity';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen } from './people';

let h: ApplicationsHarness;

const anna = citizen('citizen-anna');
const neighbour = citizen('citizen-boris');
const officer = backOfficer('officer-sf', 'social-fund');
const otherAgency = backOfficer('officer-int', 'interior');

type View = {
  id: string;
  number: string | null;
  status: string;
  steps: string[];
  formData: Record<string, unknown>;
  decision: unknown;
  deadline: { registeredOn: string | null; dueOn: string | null; state: string | null };
};
const json = async (res: Response) => (await res.json()) as View;
const step = (who: TokenClaims, id: string, body: object) =>
  h.call(who, 'POST', `/applications/${id}/steps`, body);

beforeAll(async () => {
  h = await applicationsHarness();
  const allowance = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(allowance.code, allowance.content);
});
afterAll(() => h.close());

describe(`a portal application on ${testDatabaseKind}, from draft to issued result`, () => {
  let id = '';

  it('starts as a draft that may be incomplete, but reports every bad field', async () => {
    const bad = await h.call(anna, 'POST', '/applications', {
      serviceCode: 'unified-child-allowance',
      formData: { fullName: 'Ан', bankAccount: '123', shoeSize: 42 },
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual([
      '/formData/bankAccount',
      '/formData/fullName',
      '/formData/shoeSize',
    ]);

    const created = await h.call(
      anna,
      'POST',
      '/applications',
      { serviceCode: 'unified-child-allowance', formData: { fullName: 'Анна Петрова' } },
      { 'idempotency-key': 'anna-1' },
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = await json(created);
    id = draft.id;
    expect(draft).toMatchObject({ status: 'draft', number: null, steps: ['submit', 'withdraw'] });
    // A retry on a bad link gives the same draft, not a second one.
    const retry = await h.call(
      anna,
      'POST',
      '/applications',
      { serviceCode: 'unified-child-allowance', formData: { fullName: 'Анна Петрова' } },
      { 'idempotency-key': 'anna-1' },
    );
    expect((await json(retry)).id).toBe(id);
  });

  it('refuses submission until the form is complete, naming what is missing', async () => {
    const early = await step(anna, id, { step: 'submit' });
    expect(early.status).toBe(422);
    const problem = (await early.json()) as { errors: { pointer: string; message: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual([
      '/formData/bankAccount',
      '/formData/childName',
    ]);
    const filled = await h.call(anna, 'PUT', `/applications/${id}/form`, {
      fullName: 'Анна Петрова',
      childName: 'Мария Петрова',
      bankAccount: '40817810000000000001',
    });
    expect(filled.status).toBe(200);
  });

  it('gets a number people can read when submitted', async () => {
    const submitted = await step(anna, id, { step: 'submit' });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const view = await json(submitted);
    expect(view.status).toBe('submitted');
    expect(view.number).toBe('KEM-2026-0000001');
    // The form can no longer change.
    const late = await h.call(anna, 'PUT', `/applications/${id}/form`, { fullName: 'X' });
    expect(late.status).toBe(409);
  });

  it("is someone else's to nobody: other citizens and other agencies see nothing", async () => {
    expect((await h.call(neighbour, 'GET', `/applications/${id}`)).status).toBe(404);
    expect((await step(neighbour, id, { step: 'withdraw' })).status).toBe(404);
    expect((await h.call(otherAgency, 'GET', `/applications/${id}`)).status).toBe(404);
    expect((await step(otherAgency, id, { step: 'register' })).status).toBe(404);
    const list = await h.call(neighbour, 'GET', '/applications');
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    // Nor does the applicant register their own application.
    expect((await step(anna, id, { step: 'register' })).status).toBe(403);
  });

  it('is registered by the agency, with its legal deadline in working days', async () => {
    // Monday 2 November 2026, 10:00 in Kemerovo; 4 November is a public holiday.
    h.setNow('2026-11-02T03:00:00Z');
    const registered = await json(await step(officer, id, { step: 'register' }));
    // The birth record, income and property data are the state's to find (once-only rule).
    expect(registered.status).toBe('awaiting-registries');
    // Ten working days from 3 November, skipping the holiday: 17 November.
    expect(registered.deadline).toMatchObject({
      registeredOn: '2026-11-02',
      dueOn: '2026-11-17',
      state: 'on-time',
    });
    expect((await step(officer, id, { step: 'register' })).status).toBe(409);
  });

  it('asks the registries for what the state holds, and goes to review once all answered', async () => {
    const asked = await h.call(anna, 'GET', `/applications/${id}/registry-requests`);
    const requests = (await asked.json()) as {
      items: { registry: string; status: string; legalBasis: { en: string }; answer?: unknown }[];
    };
    expect(requests.items.map((r) => [r.registry, r.status])).toEqual([
      ['civil-registry', 'open'],
      ['tax-service', 'open'],
      ['property-register', 'open'],
    ]);
    expect(requests.items[0]?.legalBasis.en).toMatch(/210-FZ.*unified-child-allowance/);
    // Review cannot start while the registries have not answered.
    expect((await step(officer, id, { step: 'review' })).status).toBe(409);

    expect(await h.exchange()).toMatchObject({ sent: 3, answered: 3 });
    const current = await json(await h.call(anna, 'GET', `/applications/${id}`));
    expect(current.status).toBe('in-review');
    // The applicant sees that it was done; the answers are the agency's to read.
    const seen = (await (
      await h.call(anna, 'GET', `/applications/${id}/registry-requests`)
    ).json()) as typeof requests;
    expect(seen.items.every((r) => r.status === 'answered' && r.answer === undefined)).toBe(true);
    const internal = (await (
      await h.call(officer, 'GET', `/applications/${id}/registry-requests`)
    ).json()) as typeof requests;
    expect(internal.items[0]?.answer).toMatchObject({ data: { about: 'Анна Петрова' } });
  });

  it('stops the clock while the applicant is asked for more, and moves the due date', async () => {
    const unexplained = await step(officer, id, { step: 'request-information' });
    expect(unexplained.status).toBe(422);
    h.setNow('2026-11-09T03:00:00Z');
    const asked = await step(officer, id, {
      step: 'request-information',
      reason: 'Укажите дату рождения ребёнка',
    });
    expect((await json(asked)).status).toBe('awaiting-applicant');
    h.setNow('2026-11-13T03:00:00Z');
    const answered = await json(await step(anna, id, { step: 'provide-information' }));
    expect(answered.status).toBe('in-review');
    // Four working days stood still (10–13 November): due 23 November instead of 17.
    expect(answered.deadline.dueOn).toBe('2026-11-23');
  });

  it('is decided with a reason for a refusal, then issued on the portal', async () => {
    const unexplained = await step(officer, id, { step: 'decide', outcome: 'refused' });
    expect(unexplained.status).toBe(422);
    const decided = await json(await step(officer, id, { step: 'decide', outcome: 'approved' }));
    expect(decided).toMatchObject({ status: 'decided', decision: { outcome: 'approved' } });
    expect((await step(anna, id, { step: 'withdraw' })).status).toBe(409);
    expect((await step(officer, id, { step: 'result-ready' })).status).toBe(200);
    const issued = await json(await step(officer, id, { step: 'issue' }));
    expect(issued).toMatchObject({ status: 'issued', steps: [] });
  });

  it('records every step: who, through which channel, and why; and tells the node', async () => {
    const steps = await h.handle.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, id))
      .orderBy(applicationTransitions.at, applicationTransitions.id);
    expect(steps.map((s) => [s.step, s.actorSubject, s.channel])).toEqual([
      ['submit', 'citizen-anna', 'portal'],
      ['register', 'officer-sf', null],
      ['await-registries', 'okno:applications', null],
      ['registries-answered', 'okno:applications', null],
      ['request-information', 'officer-sf', null],
      ['provide-information', 'citizen-anna', 'portal'],
      ['decide', 'officer-sf', null],
      ['result-ready', 'officer-sf', null],
      ['issue', 'officer-sf', null],
    ]);
    expect(steps[4]?.reason).toBe('Укажите дату рождения ребёнка');
    const audited = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, id))
      .orderBy(auditEvents.id);
    expect(audited.map((e) => [e.kind, e.actorSubject, e.details['outcome']])).toEqual([
      ['application-decided', 'officer-sf', 'approved'],
      ['application-issued', 'officer-sf', undefined],
    ]);
    const events = await h.handle.db.select().from(applicationsOutbox);
    const mine = events.filter((e) => e.payload['applicationId'] === id).map((e) => e.type);
    expect(mine).toEqual([
      'applications.application.created',
      'applications.application.submitted',
      'applications.application.registered',
      'applications.application.registries-requested',
      'applications.registry-request.answered',
      'applications.registry-request.answered',
      'applications.registry-request.answered',
      'applications.application.registries-answered',
      'applications.application.information-requested',
      'applications.application.information-provided',
      'applications.application.decided',
      'applications.application.result-prepared',
      'applications.application.issued',
    ]);
  });

  it('refuses a token from another region, whatever it claims', async () => {
    const foreign = { ...anna, region: 'RU-SPE' };
    expect((await h.call(foreign, 'GET', `/applications/${id}`)).status).toBe(401);
  });
});
