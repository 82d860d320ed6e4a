import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '@okno/catalogue';
import { testDatabaseKind, type TokenClaims } from '@okno/testing';
import { applicationsHarness, type ApplicationsHarness } from './applications-harness';

// The embedded database has one connection, which an open transaction holds. Applications
// reads the catalogue (which queries that database) before its transactions open; were it to
// read from inside one, these requests would wait for ever and time out.
let h: ApplicationsHarness;
const citizen: TokenClaims = { sub: 'citizen-cold', roles: ['citizen'] };

beforeAll(async () => {
  h = await applicationsHarness();
  const service = demoServices.find((s) => s.code === 'unified-child-allowance')!;
  await h.publish(service.code, service.content);
});
afterAll(() => h.close());

describe(`catalogue reads and transactions on ${testDatabaseKind}`, () => {
  it('serves idempotent creation, form edits and submission with nothing cached', async () => {
    // Publication cleared the catalogue's response cache: this reads the database.
    const created = await h.call(
      citizen,
      'POST',
      '/applications',
      { serviceCode: 'unified-child-allowance', formData: {} },
      { 'idempotency-key': 'cold-1' },
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    h.restart();
    const form = {
      fullName: 'Анна Петрова',
      childName: 'Мария',
      bankAccount: '40817810000000000002',
    };
    expect((await h.call(citizen, 'PUT', `/applications/${id}/form`, form)).status).toBe(200);

    h.restart();
    const submitted = await h.call(
      citizen,
      'POST',
      `/applications/${id}/steps`,
      { step: 'submit' },
      { 'idempotency-key': 'cold-2' },
    );
    expect(submitted.status, await submitted.clone().text()).toBe(200);
  }, 20_000);
});
