import { z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { documents, documentsOutbox } from '@okno/db/documents';
import { enqueueEvent } from '@okno/events';
import { conflict, createRouter, defineRoute, requirePrincipal } from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { decidingOfficers } from '../model/document-access';
import { Document, toDocumentView } from './document-view';
import { readableDocument } from './read-access';

const Revocation = z.object({ reason: z.string().trim().min(3).max(1000) }).openapi('Revocation');

export function revocationRoutes(ctx: DocumentsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/documents/{id}/revocation',
      access: { roles: decidingOfficers },
      tags: ['documents'],
      summary: 'Revoke a result document (its agency only); verification then says so',
      request: {
        params: z.object({ id: z.uuid() }),
        body: { required: true, content: { 'application/json': { schema: Revocation } } },
      },
      responses: {
        200: {
          description: 'The document, revoked.',
          content: { 'application/json': { schema: Document } },
        },
        404: { description: 'No such document that the caller may read.' },
        409: { description: 'Not an issued result, or already revoked.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const row = await readableDocument(c.var.db, ctx.region, principal, id);
      if (row.kind !== 'issued') throw conflict('Only a result the node issued can be revoked.');
      const revoked = await c.var.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(documents)
          .set({ revokedAt: ctx.now(), revocationReason: reason })
          .where(and(eq(documents.id, id), isNull(documents.revokedAt)))
          .returning();
        if (!updated) throw conflict(`Document ${id} was already revoked.`);
        await recordAudit(tx, {
          kind: 'document-revoked',
          ...actorOf(principal, c.var.requestId),
          target: id,
          details: { reason, applicationId: updated.applicationId },
        });
        await enqueueEvent(tx, documentsOutbox, {
          type: 'documents.result.revoked',
          payload: { documentId: id, applicationId: updated.applicationId, reason },
        });
        return updated;
      });
      return c.json(toDocumentView(revoked), 200);
    },
  );
}
