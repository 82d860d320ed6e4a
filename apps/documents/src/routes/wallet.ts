import { z } from '@hono/zod-openapi';
import { and, desc, eq, lt } from 'drizzle-orm';
import { personRoles } from '@okno/auth';
import { documents } from '@okno/db/documents';
import {
  createRouter,
  decodeCursor,
  defineRoute,
  notFound,
  PageQuery,
  pageSchema,
  requirePrincipal,
  toPage,
} from '@okno/http';

const Document = z
  .object({
    id: z.uuid(),
    title: z.string(),
    mediaType: z.string().openapi({ example: 'application/pdf' }),
    sizeBytes: z.int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.iso.datetime(),
  })
  .openapi('Document');

const toDocument = (row: typeof documents.$inferSelect): z.infer<typeof Document> => ({
  id: row.id,
  title: row.title,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

/** Who holds a wallet: people applying for themselves or for their company. */
const walletHolders = [personRoles.citizen, personRoles.businessRepresentative];

export function walletRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/documents',
        access: { roles: walletHolders },
        tags: ['documents'],
        summary: "The caller's wallet: every document they uploaded or were issued",
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page of documents, newest first.',
            content: { 'application/json': { schema: pageSchema(Document, 'DocumentPage') } },
          },
        },
      }),
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const owner = requirePrincipal(c.var.principal).subject;
        const before = cursor ? decodeCursor(cursor, z.object({ id: z.uuid() })).id : null;
        const rows = await c.var.db
          .select()
          .from(documents)
          .where(
            and(
              eq(documents.ownerSub, owner),
              before === null ? undefined : lt(documents.id, before),
            ),
          )
          .orderBy(desc(documents.id))
          .limit(limit + 1);
        const page = toPage(rows, limit, (row) => ({ id: row.id }));
        return c.json({ items: page.items.map(toDocument), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/documents/{id}',
        access: { roles: walletHolders },
        tags: ['documents'],
        summary: "One document of the caller's wallet",
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The document.',
            content: { 'application/json': { schema: Document } },
          },
          404: { description: 'No such document of the caller.' },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const owner = requirePrincipal(c.var.principal).subject;
        const [row] = await c.var.db
          .select()
          .from(documents)
          .where(and(eq(documents.id, id), eq(documents.ownerSub, owner)));
        if (!row) throw notFound(`You have no document ${id}.`);
        return c.json(toDocument(row), 200);
      },
    );
}
