import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { personRoles } from '@okno/auth';
import { actorOf, recordAudit } from '@okno/audit';
import { auditEvents } from '@okno/db/identity';
import { createRouter, defineRoute, requirePrincipal } from '@okno/http';

const SignIn = z
  .object({
    recorded: z.boolean().openapi({ description: 'False when this session was already recorded.' }),
  })
  .openapi('SignIn');

/**
 * The portal and the officers' workplace report each sign-in right after it, whichever
 * provider the person signed in with. One record per provider session (`sid`), however often
 * the client reports it.
 */
export function signInRoutes() {
  return createRouter().openapi(
    defineRoute({
      method: 'post',
      path: '/sign-ins',
      access: { roles: Object.values(personRoles) },
      tags: ['identity'],
      summary: "Record the caller's sign-in in the audit trail",
      responses: {
        200: {
          description: 'Already recorded.',
          content: { 'application/json': { schema: SignIn } },
        },
        201: { description: 'Recorded.', content: { 'application/json': { schema: SignIn } } },
      },
    }),
    async (c) => {
      const principal = requirePrincipal(c.var.principal);
      if (principal.sessionId !== undefined) {
        const [seen] = await c.var.db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.kind, 'sign-in'),
              eq(auditEvents.actorSubject, principal.subject),
              sql`${auditEvents.details}->>'sessionId' = ${principal.sessionId}`,
            ),
          )
          .limit(1);
        if (seen) return c.json({ recorded: false }, 200);
      }
      await recordAudit(c.var.db, {
        kind: 'sign-in',
        ...actorOf(principal, c.var.requestId),
        target: principal.subject,
        details: {
          sessionId: principal.sessionId ?? null,
          clientId: principal.clientId ?? null,
          roles: [...principal.roles],
          userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
          forwardedFor: c.req.header('x-forwarded-for')?.slice(0, 100) ?? null,
        },
      });
      return c.json({ recorded: true }, 201);
    },
  );
}
