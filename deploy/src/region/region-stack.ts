import { z } from 'zod';
import { serviceSchemas, type ServiceSchema } from '@okno/db/services';

/** The node's services, each its own Deployment in a region (one image, OKNO_SERVICES). */
export const serviceNames = serviceSchemas;
export type ServiceName = ServiceSchema;

/** A Kubernetes quantity: `250m`, `1`, `512Mi`, `20Gi`. */
const quantity = z
  .string()
  .regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti)?$/, 'a quantity such as 250m, 512Mi or 20Gi');
const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS label');
const hostname = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
    'a host name such as gosuslugi.kuzbass.ru',
  );

export const ServiceSizing = z
  .object({
    replicas: z.object({ min: z.int().min(1), max: z.int().min(1).max(100) }),
    cpu: z.object({ request: quantity, limit: quantity }),
    memory: z.object({ request: quantity, limit: quantity }),
  })
  .refine((s) => s.replicas.min <= s.replicas.max, {
    message: 'replicas.min must not exceed replicas.max',
    path: ['replicas'],
  });
export type ServiceSizing = z.infer<typeof ServiceSizing>;

/** An image in a registry, by digest. */
const imageRef = z
  .string()
  .regex(
    /^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}$/,
    'registry/path@sha256:<64 hex digits>',
  );

/** Persistent storage, on one of the storage classes the region's location allows. */
const Volume = z.object({ size: quantity, storageClass: z.string().min(1) });

/**
 * One region's stack configuration (`Pulumi.<region>.yaml`, under the `okno:region` key):
 * everything but secrets, which live in the same file as Pulumi secrets (encrypted).
 */
export const RegionStack = z
  .object({
    /** ISO 3166-2 code; its realm comes from deploy/regions/<code lower case>.json. */
    region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as RU-KEM'),
    environment: z.enum(['production', 'staging']).default('production'),
    /** The portal and API's public host; Keycloak is at `id.<domain>` unless told. */
    domain: hostname,
    namespace: dnsLabel.default('okno'),
    /**
     * Where the region's data may be kept (personal data stays in the region): the storage
     * classes and object-storage endpoints of its own data centres. The policy pack refuses
     * any volume or bucket elsewhere.
     */
    location: z.object({
      name: z.string().min(1),
      storageClasses: z.array(z.string().min(1)).min(1),
      objectStorageEndpoints: z.array(z.url({ protocol: /^https?$/ })).min(1),
    }),
    /** The node's image (the release), by digest: a tag can be moved, a digest cannot. */
    image: z.object({
      repository: z.string().regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/, 'a registry path'),
      digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>'),
    }),
    /** The servers Okno runs beside the node, mirrored into the region's registry, by digest. */
    images: z.object({
      /** nats-server 2.10 or later (`sync_interval`). */
      nats: imageRef,
      /** Keycloak 26, built `--optimized` for PostgreSQL (deploy/keycloak/Dockerfile). */
      keycloak: imageRef,
      /** opentelemetry-collector-contrib. */
      collector: imageRef,
      /** versitygw, when objectStorage is in-cluster. */
      objectStorage: imageRef.optional(),
    }),
    /** Replica counts and sizes for every service (docs/deploy.md has what each suits). */
    size: z.enum(['small', 'large']).default('small'),
    /** Per-service changes to the size's figures. */
    services: z.partialRecord(z.enum(serviceNames), ServiceSizing).default({}),
    /** The region's time zone (IANA): legal terms end at its midnight. */
    timeZone: z.string().min(3),
    /** The region's UIN prefix (docs/payments.md). */
    uinPrefix: z.string().regex(/^(\d{8}|\d{3})$/, '8 digits or 3'),
    /** The region's own production-calendar years, a JSON file beside the stack (optional). */
    calendarFile: z.string().optional(),
    database: z.object({
      /** PostgreSQL instances: one primary, the rest synchronous-capable replicas. */
      instances: z.int().min(1).max(9).default(3),
      storage: Volume,
      backup: z.object({
        bucket: z.string().min(3).max(63),
        endpoint: z.url({ protocol: /^https?$/ }),
        retentionDays: z.int().min(7).max(3650).default(30),
      }),
    }),
    nats: z.object({
      /** JetStream keeps three copies of every stream: a quorum survives one server lost. */
      replicas: z.literal(3).default(3),
      storage: Volume,
    }),
    objectStorage: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('existing'),
        bucket: z.string().min(3).max(63),
        endpoint: z.url({ protocol: /^https?$/ }),
        s3Region: z.string().default('us-east-1'),
      }),
      z.object({
        kind: z.literal('in-cluster'),
        bucket: z.string().min(3).max(63),
        storage: Volume,
      }),
    ]),
    keycloak: z.object({
      replicas: z.int().min(1).max(9).default(2),
      /** Where people sign in; `id.<domain>` unless told. */
      hostname: hostname.optional(),
      /** Keycloak's own PostgreSQL. */
      database: z.object({ instances: z.int().min(1).max(9).default(2), storage: Volume }),
    }),
    telemetry: z
      .object({
        /** Where the collector sends traces and metrics (the region's OTLP backend); logs only when unset. */
        otlpEndpoint: z.url({ protocol: /^https?$/ }).optional(),
      })
      .default({}),
    ingress: z.object({
      className: z.string().default('nginx'),
      /** The cert-manager ClusterIssuer that signs the node's TLS certificates. */
      clusterIssuer: z.string().min(1),
    }),
  })
  .superRefine((stack, ctx) => {
    if (stack.objectStorage.kind === 'in-cluster' && !stack.images.objectStorage) {
      ctx.addIssue({
        code: 'custom',
        path: ['images', 'objectStorage'],
        message: 'is required when objectStorage is in-cluster',
      });
    }
  });
export type RegionStack = z.infer<typeof RegionStack>;
