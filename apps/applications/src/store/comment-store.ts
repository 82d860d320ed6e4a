import { asc, eq } from 'drizzle-orm';
import { newId, type Executor } from '@okno/db';
import { applicationComments } from '@okno/db/applications';

export type CommentRow = typeof applicationComments.$inferSelect;

export async function insertComment(
  tx: Executor,
  comment: Omit<typeof applicationComments.$inferInsert, 'id' | 'createdAt'>,
): Promise<CommentRow> {
  const [row] = await tx
    .insert(applicationComments)
    .values({ id: newId(), ...comment })
    .returning();
  if (!row) throw new Error('comment insert returned nothing');
  return row;
}

/** Oldest first: a thread reads top to bottom. */
export const commentsOf = (db: Executor, applicationId: string) =>
  db
    .select()
    .from(applicationComments)
    .where(eq(applicationComments.applicationId, applicationId))
    .orderBy(asc(applicationComments.createdAt), asc(applicationComments.id));
