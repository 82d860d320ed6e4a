import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '@okno/http';
import type { ApplicationsContext } from '../applications-context';
import type { CatalogueVersion, ServiceOffices } from '../catalogue-client';
import { findApplication } from '../store/application-store';

/*
 * Catalogue reads happen before a request's transaction opens (defineRoute's `before`): in the
 * one-process node the catalogue answers from the same embedded database, whose single
 * connection an open transaction holds, so a read from inside one would wait for ever.
 */

const published = new WeakMap<Request, CatalogueVersion | undefined>();
const offices = new WeakMap<Request, ServiceOffices>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves the published version of the body's `serviceCode` and its offices. */
export function prefetchPublished(ctx: ApplicationsContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let code: unknown;
    try {
      code = (await c.req.json<{ serviceCode?: unknown }>()).serviceCode;
    } catch {
      // Not JSON: the route's own validation says so.
    }
    if (typeof code === 'string' && code.length <= 80) {
      const version = await ctx.catalogue.published(code);
      published.set(c.req.raw, version);
      if (version) offices.set(c.req.raw, await ctx.catalogue.offices(code));
    }
    await next();
  };
}

/** The version `prefetchPublished` found for this request's service. */
export const publishedFor = (request: Request): CatalogueVersion | undefined =>
  published.get(request);

/** Where that service is requested and collected, as `prefetchPublished` found it. */
export const officesFor = (request: Request): ServiceOffices =>
  offices.get(request) ?? { request: [], collect: [] };

/** Reads the version the application in the path is filed under, so it is cached. */
export function prefetchApplicationVersion(ctx: ApplicationsContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id && UUID.test(id)) {
      const row = await findApplication(c.var.db, id);
      if (row) await ctx.catalogue.version(row.serviceCode, row.serviceVersion);
    }
    await next();
  };
}
