import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import contentDisposition from 'content-disposition';
import parseRange from 'range-parser';
import { actorOf, recordAudit } from '@okno/audit';
import {
  createRouter,
  defineRoute,
  ProblemError,
  problemTypes,
  requirePrincipal,
} from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { decidingOfficers, walletHolders } from '../model/document-access';
import { readableDocument } from './read-access';

/** A single byte range asked for, `whole` for the entire file, or `unsatisfiable`. */
function rangeOf(header: string | undefined, size: number) {
  if (!header) return 'whole' as const;
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return 'unsatisfiable' as const;
  // Malformed, or several ranges: RFC 9110 lets a server answer with the whole file.
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return 'whole' as const;
  return ranges[0]!;
}

export function downloadRoutes(ctx: DocumentsContext) {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/documents/{id}/content',
      access: { roles: [...walletHolders, ...decidingOfficers] },
      tags: ['documents'],
      summary: "Download a document's bytes (ETag, Range, a safe file name)",
      description:
        'The ETag is the SHA-256 of the content. `Range: bytes=a-b` returns 206 with that part; ' +
        '`If-None-Match` with the ETag returns 304. Every download is recorded in the audit trail.',
      request: {
        params: z.object({ id: z.uuid() }),
        headers: z.object({
          range: z.string().max(200).optional(),
          'if-range': z.string().max(100).optional(),
          'if-none-match': z.string().max(200).optional(),
        }),
      },
      responses: {
        200: { description: 'The whole file.' },
        206: { description: 'The range asked for.' },
        304: { description: 'Unchanged: the ETag given in If-None-Match.' },
        404: { description: 'No such document that the caller may read.' },
        416: { description: 'The range lies outside the file.' },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      const { id } = c.req.valid('param');
      const headers = c.req.valid('header');
      const row = await readableDocument(c.var.db, ctx.region, principal, id);
      const etag = `"${row.sha256}"`;
      const common = {
        etag,
        'cache-control': 'private, no-cache',
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
      };
      if (headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) {
        return c.body(null, 304, common);
      }
      // If-Range: a range only of the version the client already holds part of.
      const wanted =
        headers['if-range'] && headers['if-range'] !== etag ? undefined : headers.range;
      const range = rangeOf(wanted, row.sizeBytes);
      if (range === 'unsatisfiable') {
        throw new ProblemError({
          status: 416,
          type: problemTypes.rangeNotSatisfiable,
          title: 'Range Not Satisfiable',
          detail: `The document has ${row.sizeBytes} bytes; the range ${headers.range} lies outside it.`,
          headers: { 'content-range': `bytes */${row.sizeBytes}` },
        });
      }
      const stream = await ctx.storage.get(row.storageKey, range === 'whole' ? undefined : range);
      if (!stream) throw new Error(`document ${id}: its bytes are missing from storage`);
      await recordAudit(c.var.db, {
        kind: 'document-downloaded',
        ...actorOf(principal, c.var.requestId),
        target: id,
        details: range === 'whole' ? {} : { range: `${range.start}-${range.end}` },
      });
      const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
      const file = {
        ...common,
        'content-type': row.mediaType,
        'content-disposition': contentDisposition(row.fileName),
      };
      if (range === 'whole') {
        return c.body(body, 200, { ...file, 'content-length': String(row.sizeBytes) });
      }
      return c.body(body, 206, {
        ...file,
        'content-length': String(range.end - range.start + 1),
        'content-range': `bytes ${range.start}-${range.end}/${row.sizeBytes}`,
      });
    },
  );
}
