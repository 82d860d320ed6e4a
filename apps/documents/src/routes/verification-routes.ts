import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { html } from 'hono/html';
import { documents } from '@okno/db/documents';
import { createRouter, defineRoute, notFound } from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { publicJwks } from '../results/result-signature';

const Verification = z
  .object({
    document: z.uuid(),
    title: z.string(),
    fileName: z.string(),
    issuedAt: z.iso.datetime(),
    sha256: z.string().openapi({ description: 'The SHA-256 of the PDF, hex.' }),
    signature: z.string().openapi({
      description:
        'Detached JWS (ES256) over the SHA-256 digest; keys at /api/documents/jwks.json.',
    }),
    status: z.enum(['valid', 'revoked']),
    revoked: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable(),
  })
  .openapi('ResultVerification');
type Verification = z.infer<typeof Verification>;

const Jwks = z.object({ keys: z.array(z.record(z.string(), z.string())) }).openapi('JsonWebKeySet');

/** The page a QR code opens: plain, readable on any phone, no script, no personal data. */
const page = (v: Verification) =>
  html`<!doctype html>
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Проверка документа / Document check</title>
      </head>
      <body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
        <h1>
          ${
            v.status === 'valid'
              ? 'Документ действителен / The document is valid'
              : 'Документ отозван / The document has been revoked'
          }
        </h1>
        ${v.revoked ? html`<p>${v.revoked.at.slice(0, 10)}: ${v.revoked.reason}</p>` : ''}
        <p>${v.title}</p>
        <p>${v.fileName} · ${v.issuedAt.slice(0, 10)}</p>
        <p>SHA-256: <code style="word-break: break-all">${v.sha256}</code></p>
        <p>
          Сравните отпечаток с файлом, который вам предъявили. / Compare the fingerprint with the
          file you were shown.
        </p>
      </body>
    </html>`;

export function verificationRoutes(ctx: DocumentsContext) {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/jwks.json',
        access: 'public',
        tags: ['documents'],
        summary: "The node's public keys for verifying result documents (JWKS)",
        responses: {
          200: {
            description: 'Every key whose signatures still verify; the current one first.',
            content: { 'application/json': { schema: Jwks } },
          },
        },
      }),
      (c) => {
        c.header('cache-control', 'public, max-age=300');
        return c.json(publicJwks(ctx.settings.signingKeys), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/verification/{id}',
        access: 'public',
        tags: ['documents'],
        summary: 'Whether a result document is genuine and still stands (its QR code leads here)',
        description:
          'Public, for anyone shown the document: its fingerprint, signature and whether it was ' +
          'revoked. Nothing about the applicant. HTML for a browser, JSON otherwise.',
        request: { params: z.object({ id: z.uuid() }) },
        responses: {
          200: {
            description: 'The document as the node issued it.',
            content: {
              'application/json': { schema: Verification },
              'text/html': { schema: z.string() },
            },
          },
          404: { description: 'The node issued no such document.' },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const [row] = await c.var.db
          .select()
          .from(documents)
          .where(and(eq(documents.id, id), eq(documents.kind, 'issued')));
        if (!row?.signature) throw notFound(`This node issued no document ${id}.`);
        const verification: Verification = {
          document: row.id,
          title: row.title,
          fileName: row.fileName,
          issuedAt: row.createdAt.toISOString(),
          sha256: row.sha256,
          signature: row.signature,
          status: row.revokedAt ? 'revoked' : 'valid',
          revoked: row.revokedAt
            ? { at: row.revokedAt.toISOString(), reason: row.revocationReason ?? '' }
            : null,
        };
        c.header('cache-control', 'no-cache');
        c.header('vary', 'accept');
        if (c.req.header('accept')?.includes('text/html')) return c.html(page(verification), 200);
        return c.json(verification, 200);
      },
    );
}
