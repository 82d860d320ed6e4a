import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { Keycloak } from './components/keycloak';
import { MigrationJob } from './components/migration-job';
import { ObjectStore } from './components/object-store';
import { OtelCollector } from './components/otel-collector';
import { PublicIngress } from './components/public-ingress';
import { podsLabelled, type Peer } from './components/network-policy';
import { NatsJetStream } from './components/nats-jetstream';
import { NODE_PORT, OknoService } from './components/okno-service';
import { PostgresCluster } from './components/postgres-cluster';
import { serviceNames, type RegionStack } from './region/region-stack';
import { sizingOf } from './region/sizing';

/** What a region keeps secret (Pulumi secrets in `Pulumi.<region>.yaml`). */
export interface RegionSecrets {
  /** OKNO_DATA_KEYS: keys for personal data at rest. */
  dataKeys: pulumi.Input<string>;
  /** OKNO_SIGNING_KEYS: the node's document-signing keys. */
  signingKeys: pulumi.Input<string>;
  backupAccessKeyId: pulumi.Input<string>;
  backupSecretAccessKey: pulumi.Input<string>;
  storageAccessKeyId: pulumi.Input<string>;
  storageSecretAccessKey: pulumi.Input<string>;
}

export interface RegionalNodeArgs {
  stack: RegionStack;
  secrets: RegionSecrets;
  /** The region's Keycloak realm import file, as Okno's realm generator writes it. */
  realmFile: { name: string; content: string };
  /** The region's own calendar additions (the file `calendarFile` names), if any. */
  calendar?: string;
}

const okno = { 'app.kubernetes.io/part-of': 'okno', 'app.kubernetes.io/component': 'service' };

/**
 * A region's node: its namespace, PostgreSQL, NATS JetStream, Keycloak with its own database,
 * the OpenTelemetry Collector, object storage (the region's, or one in the cluster), the
 * migration Job of the version, each service as its own Deployment of the one image (rolled
 * out after the Job), and the Ingress with TLS that is its only door to the outside.
 */
export class RegionalNode extends pulumi.ComponentResource {
  constructor(name: string, args: RegionalNodeArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:RegionalNode', name, {}, opts);
    const { stack, secrets } = args;
    const parent = { parent: this };
    const namespace = new k8s.core.v1.Namespace(
      stack.namespace,
      { metadata: { name: stack.namespace, labels: { 'okno.dev/region': stack.region } } },
      parent,
    ).metadata.name;
    const image = `${stack.image.repository}@${stack.image.digest}`;
    const services = podsLabelled('the Okno services', okno, []);

    const database = new PostgresCluster(
      'database',
      {
        namespace,
        database: stack.database,
        region: stack.region,
        serviceSchemas: serviceNames,
        backupCredentials: {
          accessKeyId: secrets.backupAccessKeyId,
          secretAccessKey: secrets.backupSecretAccessKey,
        },
        clients: [
          services,
          podsLabelled('the migration Job', { 'app.kubernetes.io/name': 'okno-migrate' }, []),
        ],
      },
      parent,
    );
    const toDatabase: Peer = podsLabelled('PostgreSQL', { 'cnpg.io/cluster': database.name }, [
      { port: 5432 },
    ]);
    const nats = new NatsJetStream(
      'nats',
      { namespace, image: stack.images.nats, nats: stack.nats, clients: [services] },
      parent,
    );
    const migration = new MigrationJob(
      'migration',
      {
        namespace,
        image,
        databaseEnv: database.envFor(database.migrator),
        serviceLogins: Object.fromEntries(
          Object.entries(database.serviceLogins).map(([schema, login]) => [schema, login.name]),
        ),
        database: toDatabase,
      },
      { parent: this, dependsOn: [database] },
    );

    const keys = new k8s.core.v1.Secret(
      'okno-keys',
      {
        metadata: { name: 'okno-keys', namespace },
        stringData: {
          OKNO_DATA_KEYS: secrets.dataKeys,
          OKNO_SIGNING_KEYS: secrets.signingKeys,
          OKNO_S3_ACCESS_KEY_ID: secrets.storageAccessKeyId,
          OKNO_S3_SECRET_ACCESS_KEY: secrets.storageSecretAccessKey,
        },
      },
      parent,
    );
    const fromKeys = (key: string) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: keys.metadata.name, key } },
    });
    const sizing = sizingOf(stack);
    const serviceUrls = serviceNames.map((s) => `${s}=http://okno-${s}:${NODE_PORT}`).join(',');
    const storage = stack.objectStorage;
    const realm = stack.region.toLowerCase();
    const keycloakHost = stack.keycloak.hostname ?? `id.${stack.domain}`;
    const ingressController: Peer = {
      why: 'the ingress controller',
      peers: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      ],
      ports: [],
    };
    const keycloak = new Keycloak(
      'keycloak',
      {
        namespace,
        image: stack.images.keycloak,
        keycloak: stack.keycloak,
        hostname: keycloakHost,
        region: stack.region,
        realmFile: args.realmFile,
        backup: stack.database.backup,
        backupCredentials: {
          accessKeyId: secrets.backupAccessKeyId,
          secretAccessKey: secrets.backupSecretAccessKey,
        },
        clients: [ingressController, services],
      },
      parent,
    );
    const collector = new OtelCollector(
      'collector',
      {
        namespace,
        image: stack.images.collector,
        otlpEndpoint: stack.telemetry.otlpEndpoint,
        clients: [services],
      },
      parent,
    );
    const objectStore =
      storage.kind === 'in-cluster'
        ? new ObjectStore(
            'object-store',
            {
              namespace,
              image: stack.images.objectStorage!, // required by the schema for in-cluster
              storage: storage.storage,
              credentials: {
                accessKeyId: secrets.storageAccessKeyId,
                secretAccessKey: secrets.storageSecretAccessKey,
              },
              clients: [services],
            },
            parent,
          )
        : null;

    const calendar = args.calendar
      ? new k8s.core.v1.ConfigMap(
          'okno-calendar',
          {
            metadata: { name: 'okno-calendar', namespace },
            data: { 'calendar.json': args.calendar },
          },
          parent,
        )
      : null;

    for (const service of serviceNames) {
      new OknoService(
        service,
        {
          namespace,
          image,
          services: [service],
          sizing: sizing[service],
          env: [
            ...database.envFor(database.serviceLogins[service]!),
            { name: 'NATS_URL', value: nats.url },
            { name: 'OKNO_REGION', value: stack.region },
            { name: 'OKNO_TIME_ZONE', value: stack.timeZone },
            { name: 'OKNO_UIN_PREFIX', value: stack.uinPrefix },
            { name: 'OKNO_PUBLIC_URL', value: `https://${stack.domain}` },
            { name: 'OIDC_ISSUER', value: `https://${keycloakHost}/realms/${realm}` },
            // The keys are fetched inside the cluster; tokens still name the public issuer.
            {
              name: 'OIDC_JWKS_URL',
              value: `http://${keycloak.name}:8080/realms/${realm}/protocol/openid-connect/certs`,
            },
            { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: collector.endpoint },
            { name: 'OKNO_SERVICE_URLS', value: serviceUrls },
            { name: 'OKNO_CLIENT_ADDRESS_HEADER', value: 'x-real-ip' },
            { name: 'OKNO_STORAGE', value: 's3' },
            ...(storage.kind === 'existing'
              ? [
                  { name: 'OKNO_S3_ENDPOINT', value: storage.endpoint },
                  { name: 'OKNO_S3_REGION', value: storage.s3Region },
                ]
              : [{ name: 'OKNO_S3_ENDPOINT', value: objectStore!.endpoint }]),
            { name: 'OKNO_S3_BUCKET', value: storage.bucket },
            fromKeys('OKNO_DATA_KEYS'),
            fromKeys('OKNO_SIGNING_KEYS'),
            fromKeys('OKNO_S3_ACCESS_KEY_ID'),
            fromKeys('OKNO_S3_SECRET_ACCESS_KEY'),
            ...(calendar
              ? [{ name: 'OKNO_CALENDAR_FILE', value: '/etc/okno/calendar/calendar.json' }]
              : []),
          ],
          ...(calendar && {
            files: [{ configMap: calendar.metadata.name, mountPath: '/etc/okno/calendar' }],
          }),
          ingressFrom: [services, ingressController],
          egressTo: [
            toDatabase,
            podsLabelled('NATS', { 'app.kubernetes.io/name': nats.name }, [{ port: 4222 }]),
            podsLabelled('the other Okno services', okno, [{ port: NODE_PORT }]),
            podsLabelled('Keycloak', { 'app.kubernetes.io/name': keycloak.name }, [{ port: 8080 }]),
            podsLabelled(
              'the OpenTelemetry Collector',
              { 'app.kubernetes.io/name': collector.name },
              [{ port: 4318 }],
            ),
            objectStore
              ? podsLabelled('the object store', { 'app.kubernetes.io/name': objectStore.name }, [
                  { port: 7070 },
                ])
              : {
                  why: "the region's object storage (HTTPS)",
                  peers: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
                  ports: [{ port: 443 }],
                },
          ],
        },
        { parent: this, dependsOn: [migration.job] },
      );
    }

    new PublicIngress(
      'ingress',
      {
        namespace,
        ingress: stack.ingress,
        domain: stack.domain,
        keycloakHost,
        services: serviceNames,
        rootService: 'okno-catalogue',
        keycloakService: keycloak.name,
      },
      parent,
    );
    this.registerOutputs({});
  }
}
