import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';
import type { RegionStack } from '../region/region-stack';
import { dnsEgress, networkPolicy, podsLabelled, type Peer } from './network-policy';
import { PostgresCluster } from './postgres-cluster';
import { containerSecurity, podSecurity } from './security';
import { clusterService, disruptionBudget, oknoWorkload, peerService } from './workload';

export interface KeycloakArgs {
  namespace: pulumi.Input<string>;
  /** Keycloak 26 built `--optimized` for PostgreSQL, by digest (deploy/keycloak/Dockerfile). */
  image: string;
  keycloak: RegionStack['keycloak'];
  hostname: string;
  region: string;
  /** The realm generator's import file (`<realm>-realm.json` → its JSON). */
  realmFile: { name: string; content: string };
  /** Keycloak's own database's backups go where the node's do. */
  backup: RegionStack['database']['backup'];
  backupCredentials: { accessKeyId: pulumi.Input<string>; secretAccessKey: pulumi.Input<string> };
  /** Who may call it directly (the ingress controller; the services, for keys and tokens). */
  clients: Peer[];
}

const HTTP_PORT = 8080;
const MANAGEMENT_PORT = 9000;
const JGROUPS_PORT = 7800;

/**
 * The region's Keycloak: `replicas` servers sharing sessions (Infinispan over JGroups, found
 * through a headless Service), its own CloudNativePG database, the realm Okno's generator
 * made from `deploy/regions/<region>.json` imported on start (an existing realm is kept),
 * and a generated bootstrap administrator. TLS ends at the Ingress.
 */
export class Keycloak extends pulumi.ComponentResource {
  readonly name = 'okno-keycloak';

  constructor(name: string, args: KeycloakArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:Keycloak', name, {}, opts);
    const parent = { parent: this };
    const workload = oknoWorkload(this.name, args.namespace);
    const { labels, metadata } = workload;

    const database = new PostgresCluster(
      'keycloak-database',
      {
        namespace: args.namespace,
        clusterName: `${this.name}-db`,
        databaseName: 'keycloak',
        owner: 'keycloak',
        database: { ...args.keycloak.database, backup: args.backup },
        region: args.region,
        serviceSchemas: [],
        backupCredentials: args.backupCredentials,
        clients: [podsLabelled('Keycloak', labels, [])],
      },
      parent,
    );

    const admin = new random.RandomPassword(
      `${this.name}-admin`,
      { length: 32, special: false },
      parent,
    );
    const adminSecret = new k8s.core.v1.Secret(
      `${this.name}-admin`,
      {
        metadata: { ...metadata, name: `${this.name}-admin` },
        stringData: { username: 'okno-bootstrap-admin', password: admin.result },
      },
      parent,
    );
    const realm = new k8s.core.v1.ConfigMap(
      `${this.name}-realm`,
      {
        metadata: { ...metadata, name: `${this.name}-realm` },
        data: { [args.realmFile.name]: args.realmFile.content },
      },
      parent,
    );

    const peers = peerService(workload, [{ name: 'jgroups', port: JGROUPS_PORT }], this);
    clusterService(workload, [{ name: 'http', port: HTTP_PORT }], this);

    const fromSecret = (secret: pulumi.Input<string>, key: string) => ({
      secretKeyRef: { name: secret, key },
    });
    const login = database.migrator;
    new k8s.apps.v1.Deployment(
      this.name,
      {
        metadata,
        spec: {
          replicas: args.keycloak.replicas,
          selector: { matchLabels: labels },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              containers: [
                {
                  name: 'keycloak',
                  image: args.image,
                  args: ['start', '--optimized', '--import-realm'],
                  env: [
                    {
                      name: 'KC_DB_URL',
                      value: `jdbc:postgresql://${database.host}:5432/keycloak`,
                    },
                    { name: 'KC_DB_USERNAME', valueFrom: fromSecret(login.secretName, 'username') },
                    { name: 'KC_DB_PASSWORD', valueFrom: fromSecret(login.secretName, 'password') },
                    { name: 'KC_HOSTNAME', value: `https://${args.hostname}` },
                    { name: 'KC_HTTP_ENABLED', value: 'true' },
                    { name: 'KC_PROXY_HEADERS', value: 'xforwarded' },
                    { name: 'KC_CACHE_STACK', value: 'kubernetes' },
                    {
                      name: 'JAVA_OPTS_APPEND',
                      value: pulumi.interpolate`-Djgroups.dns.query=${peers.metadata.name} -XX:MaxRAMPercentage=70`,
                    },
                    {
                      name: 'KC_BOOTSTRAP_ADMIN_USERNAME',
                      valueFrom: fromSecret(adminSecret.metadata.name, 'username'),
                    },
                    {
                      name: 'KC_BOOTSTRAP_ADMIN_PASSWORD',
                      valueFrom: fromSecret(adminSecret.metadata.name, 'password'),
                    },
                  ],
                  ports: [
                    { name: 'http', containerPort: HTTP_PORT },
                    { name: 'management', containerPort: MANAGEMENT_PORT },
                    { name: 'jgroups', containerPort: JGROUPS_PORT },
                  ],
                  resources: {
                    requests: { cpu: '500m', memory: '1Gi' },
                    limits: { cpu: '2', memory: '2Gi' },
                  },
                  securityContext: containerSecurity,
                  startupProbe: {
                    httpGet: { path: '/health/started', port: 'management' },
                    periodSeconds: 5,
                    failureThreshold: 60,
                  },
                  livenessProbe: { httpGet: { path: '/health/live', port: 'management' } },
                  readinessProbe: { httpGet: { path: '/health/ready', port: 'management' } },
                  volumeMounts: [
                    { name: 'realm', mountPath: '/opt/keycloak/data/import', readOnly: true },
                    { name: 'data-tmp', mountPath: '/opt/keycloak/data/tmp' },
                    { name: 'tmp', mountPath: '/tmp' },
                  ],
                },
              ],
              volumes: [
                { name: 'realm', configMap: { name: realm.metadata.name } },
                { name: 'data-tmp', emptyDir: {} },
                { name: 'tmp', emptyDir: {} },
              ],
            },
          },
        },
      },
      { parent: this, dependsOn: [database] },
    );

    disruptionBudget(workload, this);

    const others = podsLabelled('the other Keycloak servers', labels, [{ port: JGROUPS_PORT }]);
    networkPolicy(this.name, {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: [
        ...args.clients.map((client) => ({ ...client, ports: [{ port: HTTP_PORT }] })),
        others,
      ],
      egressTo: [
        dnsEgress,
        podsLabelled('its PostgreSQL', { 'cnpg.io/cluster': database.name }, [{ port: 5432 }]),
        others,
      ],
      parent: this,
    });
    this.registerOutputs({});
  }
}
