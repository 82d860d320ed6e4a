import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { newId, type Database } from '@okno/db';
import { documents, pendingUploads } from '@okno/db/documents';
import { createRouter, defineRoute, requirePrincipal } from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { walletHolders } from '../model/document-access';
import { findUploadedCopy, usedQuota } from '../store/document-store';
import { declaredType } from '../upload/declared-type';
import { receiveUpload } from '../upload/receive-upload';
import { refusalProblem } from '../upload/refusal-problem';
import { safeFileName } from '../upload/safe-file-name';
import { sizeText } from '../upload/size-text';
import { UploadRefused } from '../upload/upload-inspector';
import { Document, toDocumentView } from './document-view';

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };

export function uploadRoutes(ctx: DocumentsContext) {
  const { storage, scanner, settings } = ctx;

  /** The most this caller's next upload may hold, or a refusal if their wallet is full. */
  async function allowance(db: Database, owner: string) {
    const left = settings.quotaBytes - (await usedQuota(db, owner));
    const quotaRefusal = new UploadRefused(
      'too-large',
      `Your uploads may hold ${sizeText(settings.quotaBytes)} in all and ${sizeText(Math.max(left, 0))} is left; ` +
        'remove documents you no longer need, or bring the file to an office.',
    );
    if (left <= 0) throw refusalProblem(quotaRefusal);
    return left < settings.maxFileBytes
      ? { maxBytes: left, refusal: quotaRefusal }
      : { maxBytes: settings.maxFileBytes, refusal: null };
  }

  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/documents',
      access: { roles: walletHolders },
      tags: ['documents'],
      summary: 'Upload a document to the wallet (PDF, JPEG or PNG), streamed',
      description:
        'The body is the file itself. Its type is decided by its content; a Content-Type or file name ' +
        'that says otherwise is refused (415), as is anything but PDF, JPEG and PNG. The file is ' +
        'scanned for viruses and stored only if clean. Uploading the same bytes again returns the ' +
        'document already in the wallet (200), so a retry never makes two.',
      request: {
        query: z.object({
          title: z.string().trim().min(1).max(200).optional().openapi({
            description: 'What the document is, as the wallet shows it; the file name if absent.',
          }),
          fileName: z.string().max(255).optional().openapi({ example: 'passport.pdf' }),
        }),
        body: {
          required: true,
          content: {
            'application/pdf': binary,
            'image/jpeg': binary,
            'image/png': binary,
            'application/octet-stream': binary,
          },
        },
      },
      responses: {
        201: {
          description: 'Stored, inspected and scanned.',
          content: { 'application/json': { schema: Document } },
        },
        200: {
          description: 'The same bytes were already in the wallet: that document.',
          content: { 'application/json': { schema: Document } },
        },
        413: { description: 'Larger than a file may be, or than the wallet has left.' },
        415: { description: 'Not PDF, JPEG or PNG by its content, or not what it was sent as.' },
        422: { description: 'Empty, or the scanner found a virus (`reason` says which).' },
        503: { description: 'The antivirus scanner could not scan it; try again later.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const owner = principal.subject;
      const { title, fileName } = c.req.valid('query');
      const db = c.var.db;
      const { maxBytes, refusal } = await allowance(db, owner);
      const declaredLength = Number(c.req.header('content-length') ?? Number.NaN);
      const body = c.req.raw.body;
      if (declaredLength > maxBytes) {
        throw refusalProblem(
          refusal ??
            new UploadRefused('too-large', `The file is larger than ${sizeText(maxBytes)}.`),
        );
      }
      if (!body || declaredLength === 0)
        throw refusalProblem(new UploadRefused('empty', 'The file is empty.'));

      const id = newId();
      const storageKey = `documents/${id}`;
      // Recorded before the first byte is stored: a crash mid-upload leaves a row to sweep.
      await db.insert(pendingUploads).values({ storageKey });
      const forget = () =>
        db.delete(pendingUploads).where(eq(pendingUploads.storageKey, storageKey));
      let received;
      try {
        const declared = declaredType(c.req.header('content-type'), fileName);
        received = await receiveUpload(body, storageKey, storage, scanner, {
          maxBytes,
          ...(declared && { declared }),
        });
      } catch (error) {
        await forget();
        if (!(error instanceof UploadRefused)) throw error;
        throw refusalProblem(error.reason === 'too-large' && refusal ? refusal : error);
      }

      const copy = await findUploadedCopy(db, owner, received.sha256);
      if (copy) {
        await storage.delete(storageKey);
        await forget();
        return c.json(toDocumentView(copy), 200);
      }
      const name = safeFileName(fileName, title ?? 'document', received.mediaType);
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(documents)
          .values({
            id,
            kind: 'uploaded',
            ownerSub: owner,
            title: title ?? name,
            fileName: name,
            mediaType: received.mediaType,
            sizeBytes: received.sizeBytes,
            sha256: received.sha256,
            storageKey,
            scan: received.scan,
          })
          .returning();
        await tx.delete(pendingUploads).where(eq(pendingUploads.storageKey, storageKey));
        await recordAudit(tx, {
          kind: 'document-uploaded',
          ...actorOf(principal, c.var.requestId),
          target: id,
          details: {
            sizeBytes: received.sizeBytes,
            mediaType: received.mediaType,
            scan: received.scan,
          },
        });
        return inserted!;
      });
      c.header('location', `${c.req.path}/${id}`);
      return c.json(toDocumentView(row), 201);
    },
  );
}
