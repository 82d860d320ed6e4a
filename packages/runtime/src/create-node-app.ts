import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '@okno/auth';
import { dateIn, decreeWarnings } from '@okno/calendar';
import type { Keyring } from '@okno/crypto';
import type { Extensions } from '@okno/plugin-sdk';
import type { ObjectStorage } from '@okno/storage';
import { pendingMigrations, type DatabaseHandle } from '@okno/db';
import {
  BEARER_SCHEME,
  createRootApp,
  inProcessCall,
  PublicCache,
  type AdmissionLimits,
  defineRoute,
  type AccessDenialSink,
  type DocumentsSettings,
  type PaymentsSettings,
  type Logger,
  type RateLimits,
  type NativeRoute,
  type PeopleDirectorySettings,
  type RegionSettings,
  type ServiceCaller,
  type ServiceModule,
} from '@okno/http';
import { docsRoutes } from './docs';

export interface NodeAppDeps {
  region: RegionSettings;
  nodeVersion: string;
  services: readonly ServiceModule[];
  database: DatabaseHandle;
  verifier: TokenVerifier | null;
  /** Where the people who sign in are kept (the identity service's staff import). */
  people?: PeopleDirectorySettings;
  /** Keys for personal data encrypted at rest. */
  keyring: Keyring;
  /** What the node's plugins implement; listed by /info. */
  extensions?: Extensions;
  /** Where documents' bytes are kept. */
  storage?: ObjectStorage;
  /** Upload limits and result signing keys for the documents service. */
  documents?: DocumentsSettings;
  /** UIN prefix and public URL for the payments service. */
  payments?: PaymentsSettings;
  /** Where services report refused tokens and roles: the audit trail. */
  onAccessDenied?: AccessDenialSink;
  logger: Logger;
  maxBodyBytes?: number;
  /** Abuse limits: writes per caller, sign-ins per address; none when absent (tests). */
  rateLimits?: RateLimits;
  /** Load shedding: how many requests are handled at once and how many may wait. */
  admission?: AdmissionLimits;
  /** Cross-cutting middleware such as HTTP telemetry. */
  middleware?: MiddlewareHandler[];
  /** Prometheus exposition text; /metrics answers 404 without it. */
  metricsText?: () => Promise<string>;
  /** True once shutdown has begun: /readyz then fails so traffic moves elsewhere. */
  isDraining?: () => boolean;
  /** Base URLs of services this process does not host (`catalogue` → `http://catalogue:3000`). */
  remoteServices?: Readonly<Record<string, string>>;
  /** Node.js handlers owning a path: the embedded OpenID provider at /realms/<region>. */
  nativeRoutes?: readonly NativeRoute[];
}

const Ready = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.string().openapi({ example: 'ok' }),
      draining: z.boolean(),
    }),
  })
  .openapi('Readiness');

const Info = z
  .object({
    region: z.string().openapi({ example: 'RU-KEM' }),
    node: z.object({ version: z.string() }),
    services: z.array(z.object({ name: z.string(), version: z.string(), path: z.string() })),
    plugins: z.array(z.object({ name: z.string(), version: z.string() })),
    calendar: z
      .object({
        timeZone: z.string(),
        fixedYears: z.array(z.int()).openapi({ description: 'Years whose federal decree is in.' }),
        additions: z.array(
          z.object({
            year: z.int(),
            source: z.string(),
            daysOff: z.array(z.string()),
            workingWeekendDays: z.array(z.string()),
          }),
        ),
        warnings: z.array(z.string()).openapi({ description: 'Decrees missing today.' }),
      })
      .openapi('NodeCalendar'),
  })
  .openapi('NodeInfo');

/**
 * The composition root: the given services under /api/<name>, and what an operator or an
 * orchestrator asks of any node: liveness, readiness, identity, the API and its reference.
 */
export function createNodeApp(deps: NodeAppDeps) {
  const publicCache = new PublicCache();
  const root = createRootApp({
    publicCache,
    logger: deps.logger,
    ...(deps.maxBodyBytes === undefined ? {} : { maxBodyBytes: deps.maxBodyBytes }),
    ...(deps.middleware === undefined ? {} : { middleware: deps.middleware }),
    ...(deps.admission === undefined ? {} : { admission: deps.admission }),
    ...(deps.rateLimits === undefined ? {} : { rateLimits: deps.rateLimits }),
    ...(deps.nativeRoutes === undefined ? {} : { nativeRoutes: deps.nativeRoutes }),
    ownBodyLimit: deps.services.flatMap((s) =>
      (s.ownBodyLimit ?? []).map((route) => {
        const [method, path] = route.split(' ', 2);
        return `${method} /api/${s.info.name}${path}`;
      }),
    ),
  });

  root.openapi(
    defineRoute({
      method: 'get',
      path: '/healthz',
      access: 'public',
      tags: ['node'],
      summary: 'Liveness: the process is up',
      responses: {
        200: {
          description: 'Alive.',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
        },
      },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  root.openapi(
    defineRoute({
      method: 'get',
      path: '/readyz',
      access: 'public',
      tags: ['node'],
      summary: 'Readiness: the database is reachable and every migration applied',
      responses: {
        200: { description: 'Ready.', content: { 'application/json': { schema: Ready } } },
        503: { description: 'Not ready.', content: { 'application/json': { schema: Ready } } },
      },
    }),
    async (c) => {
      const draining = deps.isDraining?.() ?? false;
      let database: 'ok' | 'unreachable' = 'ok';
      let migrations = 'unknown';
      try {
        await deps.database.ping();
        const pending = await pendingMigrations(deps.database);
        migrations = pending === 0 ? 'ok' : `${pending} pending`;
      } catch {
        database = 'unreachable';
      }
      const ready = !draining && database === 'ok' && migrations === 'ok';
      const body = {
        status: ready ? ('ready' as const) : ('not-ready' as const),
        checks: { database, migrations, draining },
      };
      return ready ? c.json(body, 200) : c.json(body, 503);
    },
  );

  root.openapi(
    defineRoute({
      method: 'get',
      path: '/info',
      access: 'public',
      tags: ['node'],
      summary: 'Which region this node serves, its version and its services',
      responses: {
        200: { description: 'The node.', content: { 'application/json': { schema: Info } } },
      },
    }),
    (c) =>
      c.json(
        {
          region: deps.region.code,
          node: { version: deps.nodeVersion },
          services: deps.services.map((s) => ({
            name: s.info.name,
            version: s.info.version,
            path: `/api/${s.info.name}`,
          })),
          plugins: [...(deps.extensions?.plugins ?? [])],
          calendar: {
            ...deps.region.calendar.summary,
            warnings: decreeWarnings(
              deps.region.calendar,
              dateIn(new Date(), deps.region.calendar.timeZone),
            ),
          },
        },
        200,
      ),
  );

  // Services call each other through the root app when this process hosts the callee: with
  // the same middleware (request ids, telemetry) as a call from outside, and no socket.
  // Otherwise over HTTP, to the URL the deployment configured.
  const hosted = new Set(deps.services.map((s) => s.info.name));
  const callService: ServiceCaller = async (service, path, init) => {
    if (hosted.has(service)) return root.request(`/api/${service}${path}`, init, inProcessCall);
    const remote = deps.remoteServices?.[service];
    if (!remote)
      throw new Error(`service "${service}" is neither hosted here nor in OKNO_SERVICE_URLS`);
    return fetch(`${remote.replace(/\/$/, '')}/api/${service}${path}`, init);
  };
  for (const service of deps.services) {
    root.route(
      `/api/${service.info.name}`,
      service.create({
        db: deps.database.db,
        verifier: deps.verifier,
        keyring: deps.keyring,
        region: deps.region,
        callService,
        publicCache,
        ...(deps.extensions && { extensions: deps.extensions }),
        ...(deps.storage && { storage: deps.storage }),
        ...(deps.documents && { documents: deps.documents }),
        ...(deps.payments && { payments: deps.payments }),
        ...(deps.onAccessDenied && { onAccessDenied: deps.onAccessDenied }),
        ...(deps.rateLimits && { rateLimits: deps.rateLimits }),
        ...(deps.people && { people: deps.people }),
      }),
    );
  }

  root.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "An access token from the region's OpenID provider.",
  });
  root.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: `Okno regional node ${deps.region.code}`,
      version: deps.nodeVersion,
      description: 'Every service of this node. Errors are RFC 9457 application/problem+json.',
    },
    tags: deps.services.map((s) => ({ name: s.info.name, description: s.info.description })),
  });
  root.route('/', docsRoutes());

  root.get('/metrics', async (c) => {
    if (!deps.metricsText) return c.notFound();
    return c.text(await deps.metricsText(), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return root;
}
