import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@okno/audit';
import { newId, type Database } from '@okno/db';
import { attachments, documents, documentsOutbox, pendingUploads } from '@okno/db/documents';
import { enqueueEvent, type EventEnvelope } from '@okno/events';
import type { DocumentsContext } from '../documents-context';
import { renderResultPdf } from './result-pdf';
import { signResult } from './result-signature';
import { resultTemplateFor } from './result-templates';

/** What applications announces when an application is decided (`applications.application.decided`). */
export const ApplicationDecided = z.object({
  applicationId: z.uuid(),
  number: z.string().nullable(),
  serviceCode: z.string(),
  agencyCode: z.string(),
  result: z.object({
    outcome: z.enum(['approved', 'refused']),
    reason: z.string().optional(),
    serviceTitle: z.object({ ru: z.string(), en: z.string() }),
    language: z.enum(['ru', 'en']),
    applicantSubject: z.string().nullable(),
    decidedAt: z.iso.datetime(),
  }),
});

/** The node itself, as the audit trail names it when it issues a document. */
export const DOCUMENTS_ACTOR = 'okno:documents';

/** Where anyone checks a result document: the URL its QR code carries. */
export const verificationUrl = (ctx: DocumentsContext, id: string) =>
  `${ctx.settings.publicUrl}/api/documents/verification/${id}`;

/**
 * Issues the result document of a decided application: renders the PDF in the applicant's
 * language, signs its SHA-256 with the node's current key, stores it, and puts it in the
 * applicant's wallet and among the application's attachments. At most one standing result
 * per application (a unique index), so a redelivered event issues nothing new.
 */
export async function issueResult(
  ctx: DocumentsContext,
  db: Database,
  event: EventEnvelope,
): Promise<'issued' | 'already-issued' | 'ignored'> {
  const parsed = ApplicationDecided.safeParse(event.payload);
  // Not retried: an event without what a result needs is not one this service can act on.
  if (!parsed.success) return 'ignored';
  const decided = parsed.data;
  const standing = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.applicationId, decided.applicationId),
        eq(documents.kind, 'issued'),
        isNull(documents.revokedAt),
      ),
    );
  if (standing.length > 0) return 'already-issued';

  const id = newId();
  const { result } = decided;
  const number = decided.number ?? decided.applicationId;
  const pdf = await renderResultPdf({
    documentId: id,
    serviceCode: decided.serviceCode,
    serviceTitle: result.serviceTitle[result.language],
    applicationNumber: number,
    outcome: result.outcome,
    ...(result.reason && { reason: result.reason }),
    language: result.language,
    region: ctx.region,
    decidedAt: new Date(result.decidedAt),
    verificationUrl: verificationUrl(ctx, id),
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [key] = ctx.settings.signingKeys;
  if (!key) throw new Error('the node has no signing key');
  const signature = await signResult(sha256, key, {
    id,
    verificationUrl: verificationUrl(ctx, id),
  });

  const storageKey = `results/${id}`;
  await db.insert(pendingUploads).values({ storageKey });
  const forget = async () => {
    await ctx.storage.delete(storageKey);
    await db.delete(pendingUploads).where(eq(pendingUploads.storageKey, storageKey));
  };
  try {
    await ctx.storage.put(storageKey, Readable.from([pdf]), { contentType: 'application/pdf' });
    const issued = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(documents)
        .values({
          id,
          kind: 'issued',
          ownerSub: result.applicantSubject,
          title: resultTemplateFor(decided.serviceCode).heading[result.language][result.outcome],
          fileName: `${number}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
          storageKey,
          scan: 'made-by-node',
          applicationId: decided.applicationId,
          signature,
        })
        .onConflictDoNothing()
        .returning({ id: documents.id });
      if (inserted.length === 0) return false;
      await tx.insert(attachments).values({
        applicationId: decided.applicationId,
        documentId: id,
        agencyCode: decided.agencyCode,
        applicantSub: result.applicantSubject,
        purpose: 'result',
      });
      await tx.delete(pendingUploads).where(eq(pendingUploads.storageKey, storageKey));
      await recordAudit(tx, {
        kind: 'document-issued',
        actorSubject: DOCUMENTS_ACTOR,
        target: id,
        details: { applicationId: decided.applicationId, outcome: result.outcome, kid: key.kid },
      });
      await enqueueEvent(tx, documentsOutbox, {
        type: 'documents.result.issued',
        payload: { documentId: id, applicationId: decided.applicationId, sha256 },
      });
      return true;
    });
    if (issued) return 'issued';
    await forget();
    return 'already-issued';
  } catch (error) {
    await forget();
    throw error;
  }
}
