import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { applicationsOutbox, applicationTransitions } from '@okno/db/applications';
import { demoRegistryConnector } from '@okno/plugin-registry-demo';
import type { RegistryConnector, RegistryRequest } from '@okno/plugin-sdk';
import { testDatabaseKind } from '@okno/testing';
import { claimDueRequests, settleClaimedRequest } from '../src/store/registry-request-store';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';
import { backOfficer, citizen } from './people';

let h: ApplicationsHarness;
const officer = backOfficer('officer-sf-7', 'social-fund');
const otherAgency = backOfficer('officer-int-7', 'interior');

interface RequestView {
  id: string;
  registry: string;
  status: string;
  attempt: number;
  nextAttemptAt: string | null;
  legalBasis: { ru: string; en: string };
  lastError?: string | null;
  answer?: { reference: string } | null;
}
const start = Date.parse('2026-11-02T03:00:00Z');
const at = (seconds: number) => h.setNow(new Date(start + seconds * 1000).toISOString());
const requestsOf = async (id: string, who = officer) =>
  (
    (await (await h.call(who, 'GET', `/applications/${id}/registry-requests`)).json()) as {
      items: RequestView[];
    }
  ).items;
const byRegistry = (items: RequestView[], registry: string) =>
  items.find((r) => r.registry === registry)!;
const statusOf = async (id: string) =>
  ((await (await h.call(officer, 'GET', `/applications/${id}`)).json()) as { status: string })
    .status;

/** Files a complete application on the portal and has the agency register it. */
async function registered(person: string): Promise<string> {
  at(0);
  const created = await h.call(citizen(person), 'POST', '/applications', {
    serviceCode: 'unified-child-allowance',
    formData: { fullName: 'Анна Петрова', childName: 'Ира', bankAccount: '40817810000000000001' },
  });
  const { id } = (await created.json()) as { id: string };
  await h.call(citizen(person), 'POST', `/applications/${id}/steps`, { step: 'submit' });
  const res = await h.call(officer, 'POST', `/applications/${id}/steps`, { step: 'register' });
  if (res.status !== 200) throw new Error(await res.text());
  return id;
}

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
});
afterAll(() => h.close());

describe(`the once-only rule on ${testDatabaseKind}: the state asks its registries`, () => {
  it('retries a registry that fails twice with backoff, and moves on when it answers', async () => {
    const id = await registered('citizen-o1');
    const sent: RegistryRequest[] = [];
    const demo = demoRegistryConnector({
      delayMs: 0,
      failWhen: (r) => r.registry === 'tax-service' && r.attempt <= 2,
    });
    const flakyTax: RegistryConnector = {
      ...demo,
      request(request, options) {
        sent.push(request);
        return demo.request(request, options);
      },
    };

    expect(await h.exchange(flakyTax)).toEqual({
      sent: 3,
      answered: 2,
      pending: 0,
      retrying: 1,
      failed: 0,
    });
    expect(await statusOf(id)).toBe('awaiting-registries');
    let tax = byRegistry(await requestsOf(id), 'tax-service');
    expect(tax).toMatchObject({
      status: 'open',
      attempt: 2,
      lastError: 'tax-service did not answer in time (demo registry)',
      nextAttemptAt: new Date(start + 30_000).toISOString(),
    });

    at(20); // not due yet
    expect((await h.exchange(flakyTax)).sent).toBe(0);
    at(30);
    expect(await h.exchange(flakyTax)).toMatchObject({ sent: 1, retrying: 1 });
    tax = byRegistry(await requestsOf(id), 'tax-service');
    expect(tax).toMatchObject({
      attempt: 3,
      nextAttemptAt: new Date(start + 90_000).toISOString(),
    });

    at(90);
    expect(await h.exchange(flakyTax)).toMatchObject({ sent: 1, answered: 1 });
    expect(await statusOf(id)).toBe('in-review');
    tax = byRegistry(await requestsOf(id), 'tax-service');
    expect(tax).toMatchObject({ status: 'answered', attempt: 3, lastError: null });
    expect(tax.answer?.reference).toMatch(/^DEMO-TAX-SERVICE-/);

    // One request id for all three sends, so the registry can tell a retry from a new request.
    const taxSends = sent.filter((r) => r.registry === 'tax-service');
    expect(taxSends.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(new Set(taxSends.map((r) => r.id))).toEqual(new Set([tax.id]));
    // With its legal basis, and only what identifies the applicant (no bank account).
    expect(taxSends[0]?.legalBasis.ru).toMatch(/210-ФЗ/);
    expect(taxSends[0]?.subject).toEqual({
      applicantType: 'citizen',
      fullName: 'Анна Петрова',
      childName: 'Ира',
    });

    const steps = await h.handle.db
      .select()
      .from(applicationTransitions)
      .where(eq(applicationTransitions.applicationId, id))
      .orderBy(applicationTransitions.at, applicationTransitions.id);
    expect(steps.map((s) => [s.step, s.actorSubject])).toEqual([
      ['submit', 'citizen-o1'],
      ['register', 'officer-sf-7'],
      ['await-registries', 'okno:applications'],
      ['registries-answered', 'okno:applications'],
    ]);
  });

  it('shows the applicant that each request was made and on what basis, not the answers', async () => {
    const id = await registered('citizen-o2');
    await h.exchange();
    const seen = await requestsOf(id, citizen('citizen-o2'));
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.status).toBe('answered');
      expect(request.legalBasis.en).toMatch(/Federal Law No\. 210-FZ.*unified-child-allowance/);
      expect(request).not.toHaveProperty('answer');
      expect(request).not.toHaveProperty('lastError');
    }
    expect(
      (await h.call(citizen('citizen-o3'), 'GET', `/applications/${id}/registry-requests`)).status,
    ).toBe(404);
    expect((await h.call(otherAgency, 'GET', `/applications/${id}/registry-requests`)).status).toBe(
      404,
    );
  });

  it('shows the officer a final failure, moves on, and sends it again when asked', async () => {
    const id = await registered('citizen-o4');
    const noRecord: RegistryConnector = {
      id: 'test.no-record',
      registries: ['property-register'],
      request: () =>
        Promise.resolve({ kind: 'failed', retryable: false, reason: 'no property on record' }),
    };
    const demo = demoRegistryConnector({ delayMs: 0, failWhen: () => false });
    const both: RegistryConnector = {
      id: 'test.both',
      registries: 'any',
      request: (r, o) => (r.registry === 'property-register' ? noRecord : demo).request(r, o),
    };
    expect(await h.exchange(both)).toMatchObject({ sent: 3, answered: 2, failed: 1 });
    // Every registry has had its say: the officer decides what a missing record means.
    expect(await statusOf(id)).toBe('in-review');
    const failed = byRegistry(await requestsOf(id), 'property-register');
    expect(failed).toMatchObject({ status: 'failed', lastError: 'no property on record' });

    const retry = `/applications/${id}/registry-requests/${failed.id}/retry`;
    expect((await h.call(citizen('citizen-o4'), 'POST', retry)).status).toBe(403);
    expect((await h.call(otherAgency, 'POST', retry)).status).toBe(404);
    const reopened = await h.call(officer, 'POST', retry);
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({ status: 'open', attempt: 1 });
    expect((await h.call(officer, 'POST', retry)).status).toBe(409);
    expect(await statusOf(id)).toBe('awaiting-registries');

    expect(await h.exchange(demo)).toMatchObject({ sent: 1, answered: 1 });
    expect(await statusOf(id)).toBe('in-review');
    const events = await h.handle.db.select().from(applicationsOutbox);
    expect(events.filter((e) => e.payload['applicationId'] === id).map((e) => e.type)).toContain(
      'applications.registry-request.failed',
    );
  });

  it('waits for a registry that answers later, asking again when it said to', async () => {
    const id = await registered('citizen-o5');
    const slow = demoRegistryConnector({
      delayMs: 120_000,
      failWhen: () => false,
      now: () => h.now(),
    });
    expect(await h.exchange(slow)).toMatchObject({ sent: 3, pending: 3 });
    at(60);
    expect((await h.exchange(slow)).sent).toBe(0);
    at(120);
    expect(await h.exchange(slow)).toMatchObject({ sent: 3, answered: 3 });
    expect(await statusOf(id)).toBe('in-review');
  });

  it('fails a request plainly when no connector serves its registry', async () => {
    const id = await registered('citizen-o6');
    const civilOnly: RegistryConnector = {
      ...demoRegistryConnector({ delayMs: 0, failWhen: () => false }),
      registries: ['civil-registry'],
    };
    expect(await h.exchange(civilOnly)).toMatchObject({ sent: 3, answered: 1, failed: 2 });
    expect(byRegistry(await requestsOf(id), 'tax-service').lastError).toBe(
      'no registry connector for tax-service is installed on this node',
    );
  });

  it('counts a connector that throws as a failure to retry', async () => {
    const id = await registered('citizen-o7');
    const broken: RegistryConnector = {
      id: 'test.broken',
      registries: 'any',
      request: () => Promise.reject(new Error('connection reset by the exchange')),
    };
    expect(await h.exchange(broken)).toMatchObject({ sent: 3, retrying: 3 });
    expect(byRegistry(await requestsOf(id), 'civil-registry')).toMatchObject({
      status: 'open',
      attempt: 2,
      lastError: 'connection reset by the exchange',
    });
    // Retried on the next attempt, by a connector that works: answered.
    at(30);
    expect(await h.exchange()).toMatchObject({ sent: 3, answered: 3 });
    expect(await statusOf(id)).toBe('in-review');
  });

  it('sends each request once when replicas run the exchange at the same moment', async () => {
    await registered('citizen-o9');
    const sent: string[] = [];
    const demo = demoRegistryConnector({ delayMs: 0, failWhen: () => false });
    const counting: RegistryConnector = {
      ...demo,
      request(request, options) {
        sent.push(request.id);
        return demo.request(request, options);
      },
    };
    const reports = await Promise.all([h.exchange(counting), h.exchange(counting)]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it("sends again what a crashed sender held once its lease runs out, and ignores the sender's late word", async () => {
    const id = await registered('citizen-o8');
    // A sender claims the requests, then dies before writing anything.
    const now = new Date(start);
    const lost = await claimDueRequests(h.handle.db, now, new Date(start + 120_000), 50);
    expect(lost).toHaveLength(3);
    at(60);
    expect((await h.exchange()).sent).toBe(0);
    at(120);
    expect(await h.exchange()).toMatchObject({ sent: 3, answered: 3 });
    // The dead sender's answer, arriving late, changes nothing.
    const late = await h.handle.db.transaction((tx) =>
      settleClaimedRequest(tx, lost[0]!, { status: 'failed', lastError: 'late' }),
    );
    expect(late).toBeUndefined();
    expect((await requestsOf(id)).every((r) => r.status === 'answered')).toBe(true);
  });
});
