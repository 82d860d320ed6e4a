import { randomUUID } from 'node:crypto';
import { applicationsService } from '@okno/applications';
import { catalogueService } from '@okno/catalogue';
import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle, Transaction } from '@okno/db';
import { applications } from '@okno/db/applications';
import { accruals, payments, paymentsOutbox } from '@okno/db/payments';
import { createLogger } from '@okno/http';
import { paymentsService } from '@okno/payments';
import { createNodeApp, startEventRelays } from '@okno/runtime';
import { createTestDatabase, createTestIssuer, testDatabaseKind, testRegion } from '@okno/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditFees,
  countUnpublished,
  submittedApplications,
  type FeeAudit,
} from '../tools/crash/fee-audit';
import { keyedPost } from '../tools/keyed-post';

// The crash run's check of fees, payments and events passed on every real crash run; these
// plant each fault it exists to find in a database the node really wrote, and show it finds it.
describe(`the crash run's check of fees on ${testDatabaseKind}`, () => {
  const run = 'audit';
  const paid = new Map<string, string>(); // payment → application
  let handle: DatabaseHandle;
  let ids: string[];
  let runApplications: Map<string, boolean>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await catalogueService.seedDemo?.(handle.db);
    const issuer = await createTestIssuer();
    const services = [catalogueService, applicationsService, paymentsService];
    const logger = createLogger({ name: 'test', level: 'silent' });
    const deps = {
      region: testRegion(issuer.region),
      verifier: issuer.verifier(),
      keyring: keyring([generateDataKey('test')]),
      payments: { uinPrefix: '10042200', publicUrl: 'http://127.0.0.1' },
    };
    const app = createNodeApp({ ...deps, nodeVersion: '0', services, database: handle, logger });
    const relays = await startEventRelays({
      db: handle.db,
      services,
      deps: { ...deps, db: handle.db },
      region: issuer.region,
      natsUrl: undefined,
      logger,
    });
    const citizen = await issuer.sign({ sub: 'citizen-elena', roles: ['citizen'] });
    const post = await issuer.sign({ sub: 'partner-post', roles: ['partner-post'] });

    // Three applicants: two pay their fee in cash at the post, one leaves a draft.
    ids = [];
    for (let i = 0; i < 3; i += 1) {
      const key = `rush-${run}-${i}-0`;
      const { id } = await keyedPost(
        app,
        citizen,
        '/api/applications/applications',
        {
          serviceCode: 'marriage-registration',
          collectOfficeCode: 'mfc-kemerovo-lenin',
          formData: { fullName: 'Елена Смирнова', spouseName: 'Олег', ceremonyDate: '2027-06-12' },
        },
        `${key}-draft`,
      );
      ids.push(id);
      if (i === 2) continue;
      await keyedPost(
        app,
        citizen,
        `/api/applications/applications/${id}/steps`,
        { step: 'submit' },
        `${key}-submit`,
      );
      const fee = await eventually(async () => {
        const [row] = await handle.db.select().from(accruals).where(eq(accruals.applicationId, id));
        return row;
      });
      const payment = await keyedPost(
        app,
        post,
        '/api/payments/cash-payments',
        {
          uin: fee.uin,
          amountMinor: fee.amountMinor,
          officeCode: 'post-650000',
          receiptNumber: key,
          paidAt: new Date().toISOString(),
        },
        `${key}-cash`,
      );
      paid.set(payment.id, id);
    }
    // The fee-paid events reach the applications before the check starts.
    await eventually(async () => {
      const rows = await handle.db.select().from(applications);
      return rows.filter((r) => r.feePaidMinor > 0).length === 2 || undefined;
    });
    await eventually(async () => (await countUnpublished(handle.db)) === 0 || undefined);
    await relays.stop();
    await issuer.close();
    runApplications = await submittedApplications(handle.db, ids);
  });
  afterAll(() => handle.close());

  /** The check's verdict on the database with `fault` planted (rolled back afterwards). */
  async function auditWith(fault: (tx: Transaction) => Promise<unknown>): Promise<FeeAudit> {
    let audit: FeeAudit | undefined;
    await handle.db
      .transaction(async (tx) => {
        // Ledger entries and transitions refuse changes by trigger: lift triggers and foreign
        // keys for this transaction only, as a bad restore or a careless hand would.
        await tx.execute(sql`set local session_replication_role = replica`);
        await fault(tx);
        audit = await auditFees(tx, run, runApplications, paid);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return audit!;
  }

  it('finds nothing wrong with what the node wrote', async () => {
    expect(await auditFees(handle.db, run, runApplications, paid)).toEqual({
      applications: 3,
      accruals: 2,
      paidPayments: 2,
      acknowledgedPayments: 2,
      unpublishedEvents: 0,
      problems: [],
    });
  });

  it('finds a submission payments never heard of', async () => {
    const audit = await auditWith((tx) =>
      tx.delete(accruals).where(eq(accruals.applicationId, ids[0]!)),
    );
    expect(audit.problems).toContain(`application ${ids[0]} has 0 accruals`);
  });

  it('finds a fee paid twice, by a payment no key wrote', async () => {
    const [first] = [...paid.keys()];
    let copy = '';
    const audit = await auditWith(async (tx) => {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, first!));
      copy = randomUUID();
      await tx.insert(payments).values({ ...payment!, id: copy, reference: 'twice' });
    });
    expect(audit.problems).toEqual([
      expect.stringMatching(/^accrual \d+ was paid twice$/),
      expect.stringMatching(/^accrual \d+ says 35000 paid, its payments 70000$/),
      `payment ${copy} was written without a key`,
    ]);
  });

  it('finds an acknowledged payment that is missing, and its key leading nowhere', async () => {
    const [lost] = [...paid.keys()];
    const audit = await auditWith((tx) => tx.delete(payments).where(eq(payments.id, lost!)));
    expect(audit.problems).toEqual(
      expect.arrayContaining([
        `acknowledged payment ${lost} is missing`,
        `a key leads to no payment (${lost})`,
      ]),
    );
  });

  it('finds an event applied twice: the application counts the fee double', async () => {
    const audit = await auditWith((tx) =>
      tx.update(applications).set({ feePaidMinor: 70_000 }).where(eq(applications.id, ids[1]!)),
    );
    expect(audit.problems).toEqual([
      `application ${ids[1]} knows of 70000 paid, payments of 35000`,
    ]);
  });

  it('finds an event never published', async () => {
    const audit = await auditWith((tx) =>
      tx
        .update(paymentsOutbox)
        .set({ publishedAt: null })
        .where(eq(paymentsOutbox.type, 'payments.fee.paid')),
    );
    expect(audit.unpublishedEvents).toBe(2);
    expect(audit.problems).toEqual(['2 events were never published']);
  });
});

/** Asks until `read` gives something, as a portal polls; events arrive within a second. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('it never happened');
}

class Rollback extends Error {}
