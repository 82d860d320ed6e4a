import { z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { documents } from '@okno/db/documents';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  PageQuery,
  pageSchema,
  requirePrincipal,
  toPage,
} from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { decidingOfficers, walletHolders } from '../model/document-access';
import { Document, toDocumentView } from './document-view';
import { readableDocument } from './read-access';

export function walletRoutes(ctx: DocumentsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/documents',
        access: { roles: walletHolders },
        tags: ['documents'],
        summary: "The caller's wallet: every document they uploaded or were issued",
        description: 'Any of them can be attached to a later application without uploading again.',
        request: {
          query: PageQuery.extend({
            kind: z.enum(['uploaded', 'issued']).optional(),
          }),
        },
        responses: {
          200: {
            description: 'A page of documents, newest first.',
            content: { 'application/json': { schema: pageSchema(Document, 'DocumentPage') } },
          },
        },
      }),
      async (c) => {
        const { limit, cursor, kind } = c.req.valid('query');
        const owner = requirePrincipal(c.var.principal).subject;
        const before = cursor ? decodeCursor(cursor, z.object({ id: z.uuid() })).id : null;
        const rows = await c.var.db
          .select()
          .from(documents)
          .where(
            and(
              eq(documents.ownerSub, owner),
              kind === undefined ? undefined : eq(documents.kind, kind),
              before === null ? undefined : lt(documents.id, before),
            ),
          )
          .orderBy(desc(documents.id))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ id: row.id }));
        return c.json({ items: page.items.map(toDocumentView), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/documents/{id}',
        access: { roles: [...walletHolders, ...decidingOfficers] },
        tags: ['documents'],
        summary: 'One document: its holder, or officers of an agency it was submitted to',
        description: 'Every read is recorded in the audit trail.',
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The document.',
            content: { 'application/json': { schema: Document } },
          },
          404: { description: 'No such document that the caller may read.' },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const principal = requirePrincipal(c.var.principal);
        const row = await readableDocument(c.var.db, ctx.region, principal, id);
        await recordAudit(c.var.db, {
          kind: 'document-read',
          ...actorOf(principal, c.var.requestId),
          target: id,
        });
        return c.json(toDocumentView(row), 200);
      },
    );
}
