import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { containerSecurity, podSecurity } from './security';
import { clusterService, disruptionBudget, oknoWorkload, peerService } from './workload';
import type { RegionStack } from '../region/region-stack';
import { networkPolicy, type Peer } from './network-policy';

export interface NatsJetStreamArgs {
  namespace: pulumi.Input<string>;
  /** nats-server 2.10 or later, by digest (`sync_interval` needs 2.10). */
  image: string;
  nats: RegionStack['nats'];
  /** Who may connect on 4222: the node's services. */
  clients: Peer[];
}

const CLIENT_PORT = 4222;
const CLUSTER_PORT = 6222;
const MONITOR_PORT = 8222;

/**
 * NATS JetStream for the region's events: three servers in a cluster on file storage, each
 * stream kept on all three (a quorum survives losing one), and every write flushed to disk
 * before it is acknowledged (`sync_interval: always`): an event the outbox relay saw
 * acknowledged survives a power loss, not only a process crash.
 */
export class NatsJetStream extends pulumi.ComponentResource {
  readonly name = 'okno-nats';
  /** The URL the services connect to (NATS_URL). */
  readonly url: string;

  constructor(name: string, args: NatsJetStreamArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:NatsJetStream', name, {}, opts);
    const parent = { parent: this };
    const workload = oknoWorkload(this.name, args.namespace);
    const { labels, metadata } = workload;
    const headless = `${this.name}-cluster`;
    const replicas = args.nats.replicas;
    this.url = `nats://${this.name}:${CLIENT_PORT}`;

    const routes = Array.from(
      { length: replicas },
      (_, i) => `nats://${this.name}-${i}.${headless}:${CLUSTER_PORT}`,
    );
    const config = new k8s.core.v1.ConfigMap(
      this.name,
      {
        metadata,
        data: {
          'nats.conf': [
            `port: ${CLIENT_PORT}`,
            `http_port: ${MONITOR_PORT}`,
            'server_name: $SERVER_NAME',
            'lame_duck_duration: 30s',
            'jetstream {',
            '  store_dir: /data',
            `  max_file_store: ${args.nats.storage.size.replace(/i$/, '')}`,
            '  sync_interval: always',
            '}',
            'cluster {',
            '  name: okno',
            `  port: ${CLUSTER_PORT}`,
            `  routes: [${routes.join(', ')}]`,
            '}',
          ].join('\n'),
        },
      },
      parent,
    );

    peerService(workload, [{ name: 'cluster', port: CLUSTER_PORT }], this);
    clusterService(workload, [{ name: 'client', port: CLIENT_PORT }], this);

    new k8s.apps.v1.StatefulSet(
      this.name,
      {
        metadata,
        spec: {
          serviceName: headless,
          replicas,
          podManagementPolicy: 'Parallel',
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              terminationGracePeriodSeconds: 60,
              containers: [
                {
                  name: 'nats',
                  image: args.image,
                  args: ['--config', '/etc/nats/nats.conf'],
                  env: [
                    {
                      name: 'SERVER_NAME',
                      valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
                    },
                  ],
                  ports: [
                    { name: 'client', containerPort: CLIENT_PORT },
                    { name: 'cluster', containerPort: CLUSTER_PORT },
                    { name: 'monitor', containerPort: MONITOR_PORT },
                  ],
                  resources: {
                    requests: { cpu: '250m', memory: '512Mi' },
                    limits: { cpu: '1', memory: '1Gi' },
                  },
                  securityContext: containerSecurity,
                  livenessProbe: {
                    httpGet: { path: '/healthz?js-enabled-only=true', port: 'monitor' },
                    periodSeconds: 10,
                  },
                  readinessProbe: {
                    httpGet: { path: '/healthz?js-server-only=true', port: 'monitor' },
                    periodSeconds: 5,
                  },
                  volumeMounts: [
                    { name: 'config', mountPath: '/etc/nats' },
                    { name: 'data', mountPath: '/data' },
                  ],
                },
              ],
              volumes: [{ name: 'config', configMap: { name: config.metadata.name } }],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data', labels },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: args.nats.storage.storageClass,
                resources: { requests: { storage: args.nats.storage.size } },
              },
            },
          ],
        },
      },
      parent,
    );

    disruptionBudget(workload, this);

    networkPolicy(this.name, {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: [
        ...args.clients.map((client) => ({ ...client, ports: [{ port: CLIENT_PORT }] })),
        {
          why: 'the cluster routes between the servers',
          peers: [{ podSelector: { matchLabels: labels } }],
          ports: [{ port: CLUSTER_PORT }],
        },
      ],
      egressTo: null,
      parent: this,
    });

    this.registerOutputs({ url: this.url });
  }
}
