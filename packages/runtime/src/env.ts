import { z } from 'zod';
import { baseEnv, databaseEnv, httpEnv, readEnv, secret } from '@okno/config';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Everything a node process (all services, or a subset) is configured with. */
export const nodeEnv = baseEnv
  .extend(httpEnv.shape)
  .extend(databaseEnv.shape)
  .extend({
    /**
     * The region's OpenID provider (its Keycloak realm URL). Unset outside production, the
     * node serves its own embedded provider at /realms/<region>.
     */
    OIDC_ISSUER: z.url().optional(),
    /** Defaults to Keycloak's certificate endpoint under the issuer. */
    OIDC_JWKS_URL: z.url().optional(),
    OIDC_AUDIENCE: z.string().default('okno'),
    /**
     * The secret of the realm's `okno-people` client, whose service account writes the staff
     * the region imports into Keycloak. Unset: a node on Keycloak refuses staff imports.
     */
    OKNO_PEOPLE_CLIENT_SECRET: secret(16).optional(),
    /** Where callers reach this node; the embedded provider's issuer is built from it. */
    OKNO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The region's configuration file (deploy/regions/<region>.json) for the embedded provider. */
    OKNO_REGION_CONFIG: z.string().optional(),
    /** Relay outbox events to NATS JetStream (distributed profile); in-process otherwise. */
    NATS_URL: z
      .string()
      .regex(/^(nats|tls):\/\//, 'must be a nats:// or tls:// URL')
      .optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    /**
     * Keys for personal data encrypted at rest: `id:base64key` pairs, the primary first
     * (rotation: prepend a new key, keep the old ones). Required in production.
     */
    OKNO_DATA_KEYS: secret(40).optional(),
    /**
     * The region's time zone (IANA): legal terms end at midnight there. Required in
     * production; a development node defaults to Kuzbass's, as OKNO_REGION defaults to RU-KEM.
     */
    OKNO_TIME_ZONE: z.string().optional(),
    /**
     * Where to reach services this process does not host, when services run apart:
     * `catalogue=http://catalogue:3000,identity=http://identity:3000`.
     */
    OKNO_SERVICE_URLS: z
      .string()
      .regex(
        /^([a-z]+=https?:\/\/[^,=\s]+)(,[a-z]+=https?:\/\/[^,=\s]+)*$/,
        'name=url pairs separated by commas',
      )
      .transform((list) =>
        Object.fromEntries(list.split(',').map((pair) => pair.split('=', 2) as [string, string])),
      )
      .optional(),
    /**
     * Plugin packages to load, in order (`@acme/okno-smev,@okno/plugin-registry-demo`); see
     * docs/plugins.md. A development node defaults to the demo plugins; production to none.
     */
    OKNO_PLUGINS: z
      .string()
      .regex(
        /^\s*(@[\w.-]+\/)?[\w.-]+(\s*,\s*(@[\w.-]+\/)?[\w.-]+)*\s*$/,
        'package names separated by commas',
      )
      .transform((list) => list.split(',').map((name) => name.trim()))
      .optional(),
    /** A JSON file of the region's own production-calendar years (see docs/applications.md). */
    OKNO_CALENDAR_FILE: z.string().optional(),
    /**
     * Where documents' bytes are kept: `local`, a folder under OKNO_DATA_DIR (one replica), or
     * `s3`, any S3-compatible object store (several replicas share it).
     */
    OKNO_STORAGE: z.enum(['local', 's3']).default('local'),
    /** The S3-compatible endpoint; AWS's own when unset. */
    OKNO_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    OKNO_S3_REGION: z.string().default('us-east-1'),
    OKNO_S3_BUCKET: z.string().min(3).max(63).optional(),
    OKNO_S3_ACCESS_KEY_ID: z.string().min(3).optional(),
    OKNO_S3_SECRET_ACCESS_KEY: secret(8).optional(),
    /** The largest file one upload may be (bytes). */
    OKNO_UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 2 ** 20),
    /** What one applicant's uploads may hold in all (bytes). */
    OKNO_UPLOAD_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(512 * 2 ** 20),
    /**
     * The node's keys for signing result documents: a JSON array of private ES256 JWKs with
     * `kid`, the current first. Required in production; see docs/documents.md.
     */
    OKNO_SIGNING_KEYS: secret(100).optional(),
    /**
     * The region's UIN prefix: its 8-digit participant code (25-digit UINs) or 3-digit revenue
     * administrator code (20-digit UINs). Required in production; see docs/payments.md.
     */
    OKNO_UIN_PREFIX: z
      .string()
      .regex(/^(\d{8}|\d{3})$/, '8 digits (participant code) or 3 (revenue administrator code)')
      .optional(),
    /**
     * The services this process hosts, by name (`catalogue,applications`); all the entry
     * point knows when unset. One image runs the all-in-one node or any one Deployment.
     */
    OKNO_SERVICES: z
      .string()
      .regex(/^\s*[a-z]+(\s*,\s*[a-z]+)*\s*$/, 'service names separated by commas')
      .transform((list) => list.split(',').map((name) => name.trim()))
      .optional(),
    /** Load the demo region's (RU-KEM) data on start; on by default outside production. */
    OKNO_DEMO_DATA: flag,
    /** Apply migrations on start; turn off where a migration job runs before roll-out. */
    OKNO_MIGRATE: flag,
    /**
     * Load shedding (docs/performance.md): requests handled at once per process; more wait in
     * line, at most OKNO_MAX_QUEUED of them for at most OKNO_MAX_WAIT_MS, and the rest get 503
     * with Retry-After. Size it to the database pool: more in flight only lengthens the wait.
     */
    /**
     * Node processes sharing the port (node:cluster), to use more than one core; each has its
     * own database pool, in-flight limit and connections. Needs DATABASE_URL: the embedded
     * database belongs to one process.
     */
    OKNO_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    OKNO_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(64),
    OKNO_MAX_QUEUED: z.coerce.number().int().nonnegative().default(1024),
    OKNO_MAX_WAIT_MS: z.coerce.number().int().positive().default(1000),
    /**
     * Abuse limits per process and minute (docs/security.md): writes by one person, by one
     * partner system, by one address without a token; sign-in attempts on the embedded
     * OpenID provider by one address. Behind an ingress, name the header carrying the
     * client's address, or every caller is the proxy.
     */
    OKNO_WRITES_PER_PERSON: z.coerce.number().int().positive().default(120),
    OKNO_WRITES_PER_CLIENT: z.coerce.number().int().positive().default(6000),
    OKNO_WRITES_PER_ADDRESS: z.coerce.number().int().positive().default(600),
    OKNO_SIGN_INS_PER_ADDRESS: z.coerce.number().int().positive().default(60),
    OKNO_CLIENT_ADDRESS_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a lower-case header name, e.g. x-real-ip')
      .optional(),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
  })
  .superRefine((env, ctx) => {
    if (env.OKNO_WORKERS > 1 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OKNO_WORKERS'],
        message: 'more than one worker needs DATABASE_URL (the embedded database is one process’s)',
      });
    }
    if (env.OKNO_STORAGE === 's3') {
      for (const name of [
        'OKNO_S3_BUCKET',
        'OKNO_S3_ACCESS_KEY_ID',
        'OKNO_S3_SECRET_ACCESS_KEY',
      ] as const) {
        if (!env[name]) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required with OKNO_STORAGE=s3',
          });
        }
      }
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.OIDC_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'is required in production: without it no caller can be authenticated',
      });
    }
    if (!env.OKNO_DATA_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['OKNO_DATA_KEYS'],
        message: 'is required in production: personal data is encrypted with these keys',
      });
    }
    if (!env.OKNO_SIGNING_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['OKNO_SIGNING_KEYS'],
        message: 'is required in production: result documents are signed with these keys',
      });
    }
    if (!env.OKNO_UIN_PREFIX) {
      ctx.addIssue({
        code: 'custom',
        path: ['OKNO_UIN_PREFIX'],
        message: "is required in production: accruals' UINs begin with the region's own code",
      });
    }
    if (env.OKNO_DEMO_DATA) {
      ctx.addIssue({
        code: 'custom',
        path: ['OKNO_DEMO_DATA'],
        message: 'must not be set in production',
      });
    }
  });

export type NodeEnv = z.output<typeof nodeEnv>;

export function readNodeEnv(): NodeEnv {
  return readEnv(nodeEnv);
}
