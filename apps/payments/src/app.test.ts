import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@okno/db';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { createPaymentsApp, paymentsService } from './app';

let handle: DatabaseHandle;
let app: ReturnType<typeof createPaymentsApp>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await paymentsService.seedDemo?.(handle.db);
  app = createPaymentsApp({ db: handle.db, verifier: null });
});
afterAll(() => handle.close());

describe(`payments on ${testDatabaseKind}`, () => {
  it('looks up an accrual by its UIN, without payer data', async () => {
    const res = await app.request('/accruals/18810142260000012345');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ amountMinor: 50_000, currency: 'RUB', status: 'created' });
    expect(Object.keys(body).sort()).toEqual(
      ['amountMinor', 'budgetCode', 'currency', 'dueDate', 'purpose', 'status', 'uin'].sort(),
    );
  });

  it('finds 25-digit UINs too', async () => {
    const res = await app.request(`/accruals/321${'0'.repeat(20)}17`);
    expect(res.status).toBe(200);
  });

  it('answers a well-formed unknown UIN with 404', async () => {
    expect((await app.request(`/accruals/${'9'.repeat(20)}`)).status).toBe(404);
  });

  it('refuses a malformed UIN with 400 naming the path parameter', async () => {
    const res = await app.request('/accruals/12345');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ location: 'path', pointer: '/uin' }] });
  });
});
