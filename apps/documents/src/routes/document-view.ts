import { z } from '@hono/zod-openapi';
import { documentKinds } from '@okno/db/documents';
import type { DocumentRow } from '../store/document-store';

export const Document = z
  .object({
    id: z.uuid(),
    kind: z.enum(documentKinds).openapi({
      description: '`uploaded` by the applicant, or `issued` by the node as a result.',
    }),
    title: z.string(),
    fileName: z.string().openapi({ example: 'passport.pdf' }),
    mediaType: z.string().openapi({ example: 'application/pdf' }),
    sizeBytes: z.int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    scan: z.string().openapi({
      description: '`clean:<scanner>`, or `not-scanned` on a development node without one.',
      example: 'clean:okno.clamav',
    }),
    applicationId: z.uuid().nullable().openapi({ description: 'For a result: what it decides.' }),
    revoked: z
      .object({ at: z.iso.datetime(), reason: z.string() })
      .nullable()
      .openapi({ description: 'A revoked result no longer stands; verification says so.' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Document');
export type DocumentView = z.infer<typeof Document>;

export const toDocumentView = (row: DocumentRow): DocumentView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  scan: row.scan,
  applicationId: row.applicationId,
  revoked: row.revokedAt
    ? { at: row.revokedAt.toISOString(), reason: row.revocationReason ?? '' }
    : null,
  createdAt: row.createdAt.toISOString(),
});
