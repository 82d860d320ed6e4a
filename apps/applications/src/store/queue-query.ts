import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@okno/db';
import { applications } from '@okno/db/applications';

/** Whose work an officer sees: their agency's applications, or those at their office. */
export type QueueScope = { agency: string } | { office: string };

export interface QueueFilters {
  status?: string | undefined;
  deadline?: 'on-time' | 'near' | 'breached' | undefined;
  /** A subject, or `none` for unassigned work. */
  assignee?: string | undefined;
  service?: string | undefined;
  channel?: string | undefined;
}

/**
 * An officer's queue: most urgent first (the earliest due date; not yet registered ones after,
 * oldest first), or newest first. Pages by offset: queues are worked from the top.
 */
export async function queue(
  db: Executor,
  scope: QueueScope,
  filters: QueueFilters,
  page: { limit: number; offset: number; sort: 'due' | 'newest' },
) {
  const a = applications;
  const where: (SQL | undefined)[] = [sql`${a.status} <> 'draft'`];
  where.push(
    'agency' in scope
      ? eq(a.agencyCode, scope.agency)
      : or(eq(a.officeCode, scope.office), eq(a.collectOfficeCode, scope.office)),
  );
  if (filters.status) where.push(eq(a.status, filters.status));
  if (filters.deadline) where.push(eq(a.deadlineState, filters.deadline));
  if (filters.assignee === 'none') where.push(isNull(a.assignedTo));
  else if (filters.assignee) where.push(eq(a.assignedTo, filters.assignee));
  if (filters.service) where.push(eq(a.serviceCode, filters.service));
  if (filters.channel) where.push(eq(a.channel, filters.channel as 'portal'));
  const order =
    page.sort === 'due'
      ? [sql`${a.dueOn} asc nulls last`, asc(a.submittedAt), asc(a.id)]
      : [desc(a.id)];
  return db
    .select()
    .from(a)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit + 1)
    .offset(page.offset);
}
