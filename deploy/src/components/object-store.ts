import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { networkPolicy, type Peer } from './network-policy';
import { containerSecurity, podSecurity } from './security';
import { clusterService, oknoWorkload } from './workload';

export interface ObjectStoreArgs {
  namespace: pulumi.Input<string>;
  /** versitygw, by digest. */
  image: string;
  storage: { size: string; storageClass: string };
  credentials: { accessKeyId: pulumi.Input<string>; secretAccessKey: pulumi.Input<string> };
  /** Who may use it (the services). */
  clients: Peer[];
}

const S3_PORT = 7070;

/**
 * An S3-compatible server inside the cluster, for a region without object storage of its
 * own: versitygw over a volume of the region's storage (the gateway CI tests against). One
 * replica on one volume (the node creates its bucket, a folder there, on first use), so back
 * the volume up with the cluster's own means; a region with an S3 service should prefer it
 * (`objectStorage.kind: existing`).
 */
export class ObjectStore extends pulumi.ComponentResource {
  readonly name = 'okno-s3';
  /** OKNO_S3_ENDPOINT for the services: inside the cluster, hence inside the region. */
  readonly endpoint: string;

  constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:ObjectStore', name, {}, opts);
    const parent = { parent: this };
    const workload = oknoWorkload(this.name, args.namespace);
    const { labels, metadata } = workload;
    this.endpoint = `http://${this.name}:${S3_PORT}`;
    const credentials = new k8s.core.v1.Secret(
      this.name,
      {
        metadata,
        stringData: {
          ROOT_ACCESS_KEY_ID: args.credentials.accessKeyId,
          ROOT_SECRET_ACCESS_KEY: args.credentials.secretAccessKey,
        },
      },
      parent,
    );
    clusterService(workload, [{ name: 's3', port: S3_PORT }], this);
    const limits = {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    };
    new k8s.apps.v1.StatefulSet(
      this.name,
      {
        metadata,
        spec: {
          serviceName: this.name,
          replicas: 1,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              containers: [
                {
                  name: 's3',
                  image: args.image,
                  args: ['--port', `:${S3_PORT}`, 'posix', '/data'],
                  envFrom: [{ secretRef: { name: credentials.metadata.name } }],
                  ports: [{ name: 's3', containerPort: S3_PORT }],
                  resources: limits,
                  securityContext: containerSecurity,
                  livenessProbe: { tcpSocket: { port: 's3' } },
                  readinessProbe: { tcpSocket: { port: 's3' } },
                  volumeMounts: [{ name: 'data', mountPath: '/data' }],
                },
              ],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data', labels },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: args.storage.storageClass,
                resources: { requests: { storage: args.storage.size } },
              },
            },
          ],
        },
      },
      parent,
    );
    networkPolicy(this.name, {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: args.clients.map((client) => ({ ...client, ports: [{ port: S3_PORT }] })),
      egressTo: [],
      parent: this,
    });
    this.registerOutputs({ endpoint: this.endpoint });
  }
}
