import { randomUUID } from 'node:crypto';
import { catalogueService } from '@okno/catalogue';
import type { DatabaseHandle, Transaction } from '@okno/db';
import { applications, applicationsOutbox } from '@okno/db/applications';
import { createTestDatabase, testDatabaseKind } from '@okno/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolmentNode } from '../tools/enrolment-node';
import { auditRush, type RushAudit } from '../tools/rush-audit';
import type { RushLog } from '../tools/rush-log';

// The rush check passed on every real rush; these plant each fault it exists to find in a
// database the node really wrote, and show that it finds it.
describe(`the enrolment rush's check on ${testDatabaseKind}`, () => {
  const run = 'audit';
  const log: RushLog = { drafts: new Map(), submitted: new Map() };
  let handle: DatabaseHandle;
  let submitted: string[];

  beforeAll(async () => {
    handle = await createTestDatabase();
    await catalogueService.seedDemo?.(handle.db);
    const node = await enrolmentNode(handle);
    // Four parents: three submit, one leaves a draft (as k6 logs them).
    for (let i = 0; i < 4; i += 1) {
      const key = `rush-${run}-${i + 1}-0`;
      const draft = await node.draft(i, `${key}-draft`);
      log.drafts.set(draft.id, `${key}-draft`);
      if (i === 3) continue;
      const { number } = await node.submit(draft.id, `${key}-submit`);
      log.submitted.set(draft.id, number!);
    }
    await node.close();
    submitted = [...log.submitted.keys()];
  });
  afterAll(() => handle.close());

  /** The check's verdict on the database with `fault` planted (rolled back afterwards). */
  async function auditWith(fault: (tx: Transaction) => Promise<unknown>): Promise<RushAudit> {
    let audit: RushAudit | undefined;
    await handle.db
      .transaction(async (tx) => {
        await fault(tx);
        audit = await auditRush(tx, log, run);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return audit!;
  }

  it('finds nothing wrong with what the node wrote', async () => {
    expect(await auditRush(handle.db, log, run)).toEqual({
      acknowledgedDrafts: 4,
      acknowledgedSubmissions: 3,
      draftsInDatabase: 4,
      submittedInDatabase: 3,
      submittedButNotAcknowledged: 0,
      problems: [],
    });
  });

  it('finds an acknowledged submission that is missing', async () => {
    const lost = submitted[0]!;
    const audit = await auditWith(async (tx) => {
      // Transitions are append-only (a trigger refuses deletes): lift triggers and foreign
      // keys for this transaction only, as a bad restore or a careless hand would.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.delete(applications).where(eq(applications.id, lost));
    });
    expect(audit.problems).toContain(
      `acknowledged submission ${lost} (${log.submitted.get(lost)}) is missing`,
    );
    expect(audit.problems.some((p) => p.startsWith(`acknowledged draft ${lost}`))).toBe(true);
  });

  it('finds an application written twice', async () => {
    let copy = '';
    const audit = await auditWith(async (tx) => {
      const [original] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, submitted[1]!));
      copy = randomUUID();
      await tx
        .insert(applications)
        .values({ ...original!, id: copy, number: null, status: 'draft' });
    });
    expect(audit.problems).toEqual([`application ${copy} was written without its key`]);
    expect(audit.draftsInDatabase).toBe(5);
  });

  it('finds a submission that is not as it was acknowledged', async () => {
    const changed = submitted[2]!;
    const audit = await auditWith((tx) =>
      tx.update(applications).set({ number: 'X-0001' }).where(eq(applications.id, changed)),
    );
    expect(audit.problems).toEqual([
      `submission ${changed} was acknowledged as ${log.submitted.get(changed)} but is submitted X-0001`,
    ]);
  });

  it('finds a submission announced twice, and one never announced', async () => {
    const [twice, never] = submitted as [string, string];
    const audit = await auditWith(async (tx) => {
      const [event] = await tx
        .select()
        .from(applicationsOutbox)
        .where(
          and(
            eq(applicationsOutbox.type, 'applications.application.submitted'),
            sql`${applicationsOutbox.payload}->>'applicationId' = ${twice}`,
          ),
        );
      const { position: _position, ...copy } = event!;
      await tx.insert(applicationsOutbox).values({ ...copy, id: randomUUID() });
      await tx
        .delete(applicationsOutbox)
        .where(sql`${applicationsOutbox.payload}->>'applicationId' = ${never}`);
    });
    expect(audit.problems).toEqual([
      `submission ${twice} was announced 2 times`,
      `submission ${never} was announced 0 times`,
    ]);
  });
});

class Rollback extends Error {}
