import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { TokenVerifier } from '@okno/auth';
import type { WorkingDays } from '@okno/calendar';
import type { Keyring, SigningJwk } from '@okno/crypto';
import type { Database } from '@okno/db';
import type { Extensions } from '@okno/plugin-sdk';
import type { ObjectStorage } from '@okno/storage';
import type { PublicCache } from './public-cache';
import { writeRateLimits, type RateLimits } from './rate-limits';
import { checkJsonBody, refuseNulInUrl } from './check-json-body';
import { reportAccessDenials, type AccessDenialSink } from './access-denials';
import type { AppEnv } from './app-env';
import { authenticate } from './authenticate';
import { BEARER_SCHEME, defineRoute } from './define-route';
import { handleError, validationHook } from './error-handler';

export interface ServiceDeps {
  db: Database;
  /** Verifies bearer tokens; null when no identity provider is configured (all denied). */
  verifier: TokenVerifier | null;
  /** Where refused tokens and roles are reported (the audit trail); not reported if absent. */
  onAccessDenied?: AccessDenialSink;
  /** Keys for personal data encrypted at rest; services that store such data require it. */
  keyring?: Keyring;
  /** The region the node serves; services that count legal terms require it. */
  region?: RegionSettings;
  /**
   * Calls another service of the node by name (`callService('catalogue', '/services/x')`): in
   * the all-in-one node bound to that service's app in-process (no socket), over HTTP when
   * services run apart. Services never import each other's code.
   */
  callService?: ServiceCaller;
  /** What the node's plugins implement, by extension point; none if absent. */
  extensions?: Extensions;
  /** Where documents' bytes are kept; services that store files require it. */
  storage?: ObjectStorage;
  /** How uploads are limited and results signed; the documents service requires it. */
  documents?: DocumentsSettings;
  /** How UINs are made and where payers are sent back to; the payments service requires it. */
  payments?: PaymentsSettings;
  /**
   * Where public responses are kept, shared with the process's root app, which answers from
   * it before routing; a service makes its own when absent.
   */
  publicCache?: PublicCache;
  /** How many writes a minute one caller may make; unlimited when absent (tests, benches). */
  rateLimits?: RateLimits;
  /** Where the people who sign in are kept; the staff import writes there. */
  people?: PeopleDirectorySettings;
}

/**
 * Where a region's people are kept, so that staff imported into the directory can sign in:
 * the embedded provider's accounts on a development node, or the region Keycloak's admin API
 * (as the `okno-people` client's service account, which may manage users and nothing else).
 */
export type PeopleDirectorySettings =
  | { kind: 'embedded' }
  | { kind: 'keycloak'; url: string; realm: string; clientId: string; clientSecret: string };

export interface PaymentsSettings {
  /**
   * The region's UIN prefix: 8 digits (the participant code, 25-digit UINs) or 3 (the revenue
   * administrator code, 20-digit UINs). See docs/payments.md.
   */
  uinPrefix: string;
  /** Where people reach the node: providers send payers back here. */
  publicUrl: string;
}

export interface DocumentsSettings {
  /** The largest file one upload may be. */
  maxFileBytes: number;
  /** What one applicant's uploads may hold in all. */
  quotaBytes: number;
  /**
   * Development only: with no antivirus scanner plugin, accept uploads marked `not-scanned`.
   * Otherwise a node without a scanner refuses to start, and a failed scan refuses the file.
   */
  acceptUnscanned: boolean;
  /** The node's ES256 signing keys as private JWKs with `kid`, the current one first. */
  signingKeys: readonly SigningJwk[];
  /** Where people reach the node: the QR code on a result document links here. */
  publicUrl: string;
}

export interface RegionSettings {
  /** ISO 3166-2, e.g. RU-KEM. */
  code: string;
  /** Working days of the region's production calendar, in its time zone. */
  calendar: WorkingDays;
}

export type ServiceCaller = (
  service: string,
  path: string,
  init?: RequestInit,
) => Promise<Response>;

export interface ServiceInfo {
  /** The service's name, also its path segment: /api/<name>. */
  name: string;
  version: string;
  title: string;
  description: string;
}

export type ServiceApp = OpenAPIHono<AppEnv>;

/**
 * The base of every Okno service: problem+json errors, the validation hook, bearer
 * authentication, its own health route and OpenAPI document. Reads no environment and does
 * nothing on import: everything arrives in `deps`.
 */
export function createServiceApp(info: ServiceInfo, deps: ServiceDeps): ServiceApp {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "An access token from the region's OpenID provider.",
  });
  if (deps.onAccessDenied) app.use(reportAccessDenials(info.name, deps.onAccessDenied));
  app.use(async (c, next) => {
    c.set('db', deps.db);
    await next();
  });
  app.use(authenticate(deps.verifier));
  if (deps.rateLimits) app.use(writeRateLimits(deps.rateLimits));
  app.use(refuseNulInUrl);
  app.use(checkJsonBody);

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/healthz',
      access: 'public',
      tags: [info.name],
      summary: `Liveness of the ${info.name} service`,
      responses: {
        200: {
          description: 'The service is up.',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('ok'), service: z.string() }),
            },
          },
        },
      },
    }),
    (c) => c.json({ status: 'ok' as const, service: info.name }, 200),
  );
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: `/api/${info.name}` }],
  });
  return app;
}
