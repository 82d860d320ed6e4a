import { z } from '@hono/zod-openapi';
import { createRouter, defineRoute, notFound } from '@okno/http';
import type { WebhookDelivery } from '@okno/plugin-sdk';
import type { PaymentsContext } from '../payments-context';

/** Sends a request to this service's own routes (the webhook a provider page triggers). */
export type SelfRequest = (path: string, init: RequestInit) => Promise<Response>;

const params = z.object({ provider: z.string().max(100), page: z.string().max(200) });

/**
 * Pages a provider serves from the node (the bank simulator's checkout). Public: they stand
 * for the provider's own site, which the payer reaches by the redirect the node handed out.
 */
export function providerPageRoutes(ctx: PaymentsContext, self: SelfRequest) {
  const serve = async (provider: string, request: Request) => {
    const pages = ctx.providers.get(provider)?.pages;
    if (!pages) throw notFound(`Provider ${provider} serves no pages here.`);
    const deliver: WebhookDelivery = (body, headers) =>
      self(`/webhooks/${encodeURIComponent(provider)}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    return pages(request, deliver);
  };
  const page = (method: 'get' | 'post') =>
    defineRoute({
      method,
      path: '/providers/{provider}/pages/{page}',
      access: 'public',
      tags: ['payments'],
      summary:
        method === 'get'
          ? "A provider's page served by the node (the bank simulator's checkout)"
          : "A form on a provider's page",
      request: { params },
      responses: {
        200: {
          description: "The provider's page.",
          content: { 'text/html': { schema: z.string() } },
        },
        303: { description: 'Back to the portal.' },
        404: { description: 'No such provider or page.' },
      },
    });
  return createRouter()
    .openapi(page('get'), (c) => serve(c.req.valid('param').provider, c.req.raw) as never)
    .openapi(page('post'), (c) => serve(c.req.valid('param').provider, c.req.raw) as never);
}
