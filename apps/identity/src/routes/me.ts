import { z } from '@hono/zod-openapi';
import { allRoles } from '@okno/auth';
import { createRouter, defineRoute, requirePrincipal } from '@okno/http';

const Me = z
  .object({
    subject: z.string(),
    region: z.string(),
    roles: z.array(z.string()),
    agency: z.string().optional(),
    office: z.string().optional(),
  })
  .openapi('Me');

export function meRoutes() {
  return createRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/me',
      // Any Okno role: a token with none of them (say, from another application) gets 403.
      access: { roles: allRoles },
      tags: ['identity'],
      summary: 'Who the caller is, as this node sees the token',
      responses: {
        200: { description: 'The caller.', content: { 'application/json': { schema: Me } } },
      },
    }),
    (c) => {
      const { subject, region, roles, agency, office } = requirePrincipal(c.var.principal);
      return c.json(
        {
          subject,
          region,
          roles: [...roles],
          ...(agency && { agency }),
          ...(office && { office }),
        },
        200,
      );
    },
  );
}
