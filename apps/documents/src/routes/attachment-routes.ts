import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '@okno/audit';
import { attachments, documents } from '@okno/db/documents';
import { conflict, createRouter, defineRoute, notFound, requirePrincipal } from '@okno/http';
import type { DocumentsContext } from '../documents-context';
import { decidingOfficers, isDecidingOfficer, walletHolders } from '../model/document-access';
import { Document, toDocumentView } from './document-view';

const Attachment = z
  .object({
    applicationId: z.uuid(),
    purpose: z.string().nullable().openapi({
      description: "The catalogue's document code it answers, or `result` for the result.",
    }),
    attachedAt: z.iso.datetime(),
    document: Document,
  })
  .openapi('Attachment');

const NewAttachment = z
  .object({
    documentId: z.uuid(),
    purpose: z.string().trim().min(1).max(80).optional(),
  })
  .openapi('NewAttachment');

/** Statuses in which the applicant may still add documents. */
const attachable = ['draft', 'awaiting-applicant'];

const ApplicationFacts = z.object({ agencyCode: z.string(), status: z.string() });

const Params = z.object({ applicationId: z.uuid() });

export function attachmentRoutes(ctx: DocumentsContext) {
  /**
   * The application as the caller may see it, asked of the applications service with the
   * caller's own token: it alone decides who an application's applicant is.
   */
  async function applicationOf(applicationId: string, authorization: string | undefined) {
    if (!ctx.callService) throw new Error('the documents service needs callService to attach');
    const response = await ctx.callService('applications', `/applications/${applicationId}`, {
      headers: { accept: 'application/json', ...(authorization && { authorization }) },
    });
    if (response.status === 404 || response.status === 403) return undefined;
    if (!response.ok) throw new Error(`applications answered ${response.status}`);
    return ApplicationFacts.parse(await response.json());
  }

  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/applications/{applicationId}/attachments',
        access: { roles: walletHolders },
        tags: ['documents'],
        summary: 'Attach a wallet document to your application, without uploading it again',
        description:
          'Only while the application is a draft or the agency has asked for information. ' +
          'Attaching the same document twice changes nothing (200).',
        request: {
          params: Params,
          body: { required: true, content: { 'application/json': { schema: NewAttachment } } },
        },
        responses: {
          201: {
            description: 'Attached.',
            content: { 'application/json': { schema: Attachment } },
          },
          200: {
            description: 'It was already attached.',
            content: { 'application/json': { schema: Attachment } },
          },
          404: { description: 'No such application of yours, or no such document in your wallet.' },
          409: { description: 'The application no longer takes documents.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { applicationId } = c.req.valid('param');
        const { documentId, purpose } = c.req.valid('json');
        const db = c.var.db;
        const [document] = await db
          .select()
          .from(documents)
          .where(and(eq(documents.id, documentId), eq(documents.ownerSub, principal.subject)));
        if (!document) throw notFound(`Your wallet has no document ${documentId}.`);
        const application = await applicationOf(applicationId, c.req.header('authorization'));
        if (!application) throw notFound(`You have no application ${applicationId}.`);
        if (!attachable.includes(application.status)) {
          throw conflict(
            `The application is ${application.status}; documents are added while it is ${attachable.join(' or ')}.`,
          );
        }
        const attached = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(attachments)
            .values({
              applicationId,
              documentId,
              agencyCode: application.agencyCode,
              applicantSub: principal.subject,
              purpose: purpose ?? null,
            })
            .onConflictDoNothing()
            .returning();
          if (row) {
            await recordAudit(tx, {
              kind: 'document-attached',
              ...actorOf(principal, c.var.requestId),
              target: documentId,
              details: { applicationId, agencyCode: application.agencyCode },
            });
          }
          return row;
        });
        const [row] = attached
          ? [attached]
          : await db
              .select()
              .from(attachments)
              .where(
                and(
                  eq(attachments.applicationId, applicationId),
                  eq(attachments.documentId, documentId),
                ),
              );
        const body = {
          applicationId,
          purpose: row?.purpose ?? null,
          attachedAt: (row?.attachedAt ?? new Date()).toISOString(),
          document: toDocumentView(document),
        };
        return attached ? c.json(body, 201) : c.json(body, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/applications/{applicationId}/attachments',
        access: { roles: [...walletHolders, ...decidingOfficers] },
        tags: ['documents'],
        summary: "An application's documents: its applicant, or officers of its agency",
        description: 'Every read is recorded in the audit trail.',
        request: { params: Params },
        responses: {
          200: {
            description: 'Its attachments, oldest first.',
            content: { 'application/json': { schema: z.object({ items: z.array(Attachment) }) } },
          },
          404: { description: 'No such application whose documents the caller may read.' },
        },
      }),
      async (c) => {
        const principal = requirePrincipal(c.var.principal);
        const { applicationId } = c.req.valid('param');
        const rows = await c.var.db
          .select()
          .from(attachments)
          .innerJoin(documents, eq(documents.id, attachments.documentId))
          .where(eq(attachments.applicationId, applicationId))
          .orderBy(asc(attachments.attachedAt), asc(documents.id));
        const first = rows[0]?.attachments;
        // Nothing attached: the same empty answer for everyone, so it tells an outsider nothing.
        if (first === undefined) return c.json({ items: [] }, 200);
        const mayRead =
          (first.applicantSub !== null && first.applicantSub === principal.subject) ||
          isDecidingOfficer(principal, {
            region: ctx.region,
            ownerSub: null,
            agencies: [first.agencyCode],
          });
        if (!mayRead)
          throw notFound(`There is no application ${applicationId} whose documents you may read.`);
        await recordAudit(c.var.db, {
          kind: 'document-read',
          ...actorOf(principal, c.var.requestId),
          target: applicationId,
          details: { attachments: rows.map((r) => r.documents.id) },
        });
        return c.json(
          {
            items: rows.map(({ attachments: a, documents: d }) => ({
              applicationId,
              purpose: a.purpose,
              attachedAt: a.attachedAt.toISOString(),
              document: toDocumentView(d),
            })),
          },
          200,
        );
      },
    );
}
