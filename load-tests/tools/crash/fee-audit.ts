import type { Database } from '@okno/db';
import { applications, applicationsOutbox } from '@okno/db/applications';
import { catalogueOutbox } from '@okno/db/catalogue';
import { documentsOutbox } from '@okno/db/documents';
import { identityOutbox } from '@okno/db/identity';
import { accruals, payments, paymentsIdempotencyKeys, paymentsOutbox } from '@okno/db/payments';
import { and, count, inArray, isNull, like, lt } from 'drizzle-orm';

export interface FeeAudit {
  applications: number;
  accruals: number;
  paidPayments: number;
  acknowledgedPayments: number;
  unpublishedEvents: number;
  /** Each way the money or the events around the run's applications are not as acknowledged. */
  problems: string[];
}

/**
 * Holds the fees of a run's applications against what it acknowledged: each submitted
 * application has exactly one accrual (payments heard of it once); every acknowledged payment
 * is there and paid; no accrual was paid twice; each payment was written under one key and
 * each key wrote at most one; the application knows exactly what was paid (the payments'
 * events applied once, none lost); and no outbox holds an event it has not published.
 */
export async function auditFees(
  db: Database,
  run: string,
  /** The run's applications (id → submitted or not), found through its keys. */
  runApplications: Map<string, boolean>,
  /** Acknowledged payment id → the application whose fee it paid. */
  acknowledgedPayments: Map<string, string>,
): Promise<FeeAudit> {
  const problems: string[] = [];
  const ids = [...runApplications.keys()];
  const fees =
    ids.length === 0
      ? []
      : await db.select().from(accruals).where(inArray(accruals.applicationId, ids));
  const feesOf = groupBy(fees, (f) => f.applicationId ?? '');
  for (const [id, submitted] of runApplications) {
    const times = feesOf.get(id)?.length ?? 0;
    if (times !== (submitted ? 1 : 0)) problems.push(`application ${id} has ${times} accruals`);
  }

  const paid =
    fees.length === 0
      ? []
      : await db
          .select()
          .from(payments)
          .where(
            inArray(
              payments.accrualId,
              fees.map((f) => f.id),
            ),
          );
  const paymentById = new Map(paid.map((p) => [p.id, p]));
  const paidOf = groupBy(
    paid.filter((p) => p.status === 'paid'),
    (p) => p.accrualId,
  );
  for (const fee of fees) {
    const money = (paidOf.get(fee.id) ?? []).reduce((sum, p) => sum + p.amountMinor, 0);
    if ((paidOf.get(fee.id)?.length ?? 0) > 1) problems.push(`accrual ${fee.uin} was paid twice`);
    if (money !== fee.paidMinor) {
      problems.push(`accrual ${fee.uin} says ${fee.paidMinor} paid, its payments ${money}`);
    }
  }
  for (const [paymentId, applicationId] of acknowledgedPayments) {
    const payment = paymentById.get(paymentId);
    const fee = fees.find((f) => f.id === payment?.accrualId);
    if (!payment) problems.push(`acknowledged payment ${paymentId} is missing`);
    else if (payment.status !== 'paid') {
      problems.push(`acknowledged payment ${paymentId} is ${payment.status}`);
    } else if (fee?.applicationId !== applicationId) {
      problems.push(`payment ${paymentId} paid another application's fee`);
    }
  }

  // A payment and its key are written in one transaction: the two sets are the same.
  const keyed = await db
    .select({ body: paymentsIdempotencyKeys.body })
    .from(paymentsIdempotencyKeys)
    .where(
      and(
        like(paymentsIdempotencyKeys.key, `rush-${run}-%`),
        lt(paymentsIdempotencyKeys.status, 300), // a refusal (paid already) wrote nothing
      ),
    );
  const keyedIds = new Set(keyed.map((k) => (JSON.parse(k.body) as { id?: string }).id));
  if (keyedIds.size !== keyed.length) problems.push('two keys lead to one payment');
  for (const payment of paid) {
    if (!keyedIds.has(payment.id)) problems.push(`payment ${payment.id} was written without a key`);
  }
  for (const id of keyedIds) {
    if (!id || !paymentById.has(id)) problems.push(`a key leads to no payment (${id})`);
  }

  const known =
    ids.length === 0
      ? []
      : await db
          .select({ id: applications.id, feePaidMinor: applications.feePaidMinor })
          .from(applications)
          .where(inArray(applications.id, ids));
  for (const application of known) {
    const fee = feesOf.get(application.id)?.[0];
    if (fee && application.feePaidMinor !== fee.paidMinor) {
      problems.push(
        `application ${application.id} knows of ${application.feePaidMinor} paid, payments of ${fee.paidMinor}`,
      );
    }
  }

  const unpublishedEvents = await countUnpublished(db);
  if (unpublishedEvents > 0) problems.push(`${unpublishedEvents} events were never published`);
  return {
    applications: ids.length,
    accruals: fees.length,
    paidPayments: paid.filter((p) => p.status === 'paid').length,
    acknowledgedPayments: acknowledgedPayments.size,
    unpublishedEvents,
    problems,
  };
}

/** Which of `ids` are submitted (they, and only they, owe a fee): id → submitted. */
export async function submittedApplications(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, boolean>> {
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: applications.id, status: applications.status })
          .from(applications)
          .where(inArray(applications.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.status !== 'draft']));
}

/** Events still waiting in any service's outbox. */
export async function countUnpublished(db: Database): Promise<number> {
  let waiting = 0;
  for (const outbox of [
    identityOutbox,
    catalogueOutbox,
    applicationsOutbox,
    documentsOutbox,
    paymentsOutbox,
  ]) {
    const [row] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.publishedAt));
    waiting += row?.n ?? 0;
  }
  return waiting;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
