import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { stringify } from 'yaml';
import { dnsEgress, networkPolicy, type Peer } from './network-policy';
import { containerSecurity, podSecurity } from './security';
import { clusterService, oknoWorkload } from './workload';

export interface OtelCollectorArgs {
  namespace: pulumi.Input<string>;
  /** opentelemetry-collector-contrib, by digest. */
  image: string;
  /** The region's OTLP backend; without one the collector logs what it receives. */
  otlpEndpoint: string | undefined;
  /** Who sends it telemetry (the services). */
  clients: Peer[];
}

const OTLP_HTTP_PORT = 4318;

/**
 * The OpenTelemetry Collector the services send traces and metrics to (OTLP over HTTP): it
 * batches them and forwards them to the region's backend. Telemetry stays in the region.
 */
export class OtelCollector extends pulumi.ComponentResource {
  readonly name = 'okno-otel-collector';
  /** OTEL_EXPORTER_OTLP_ENDPOINT for the services. */
  readonly endpoint: string;

  constructor(name: string, args: OtelCollectorArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:OtelCollector', name, {}, opts);
    const parent = { parent: this };
    const workload = oknoWorkload(this.name, args.namespace);
    const { labels, metadata } = workload;
    this.endpoint = `http://${this.name}:${OTLP_HTTP_PORT}`;
    const exporter = args.otlpEndpoint ? 'otlphttp' : 'debug';
    const pipeline = {
      receivers: ['otlp'],
      processors: ['memory_limiter', 'batch'],
      exporters: [exporter],
    };
    const config = new k8s.core.v1.ConfigMap(
      this.name,
      {
        metadata,
        data: {
          'config.yaml': stringify({
            receivers: { otlp: { protocols: { http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` } } } },
            processors: {
              memory_limiter: {
                check_interval: '1s',
                limit_percentage: 80,
                spike_limit_percentage: 20,
              },
              batch: {},
            },
            exporters: args.otlpEndpoint
              ? { otlphttp: { endpoint: args.otlpEndpoint } }
              : { debug: { verbosity: 'basic' } },
            extensions: { health_check: { endpoint: '0.0.0.0:13133' } },
            service: {
              extensions: ['health_check'],
              pipelines: { traces: pipeline, metrics: pipeline },
            },
          }),
        },
      },
      parent,
    );
    clusterService(workload, [{ name: 'otlp-http', port: OTLP_HTTP_PORT }], this);
    new k8s.apps.v1.Deployment(
      this.name,
      {
        metadata,
        spec: {
          replicas: 2,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              containers: [
                {
                  name: 'collector',
                  image: args.image,
                  args: ['--config=/etc/otelcol/config.yaml'],
                  ports: [
                    { name: 'otlp-http', containerPort: OTLP_HTTP_PORT },
                    { name: 'health', containerPort: 13133 },
                  ],
                  resources: {
                    requests: { cpu: '100m', memory: '256Mi' },
                    limits: { cpu: '1', memory: '512Mi' },
                  },
                  securityContext: containerSecurity,
                  livenessProbe: { httpGet: { path: '/', port: 'health' } },
                  readinessProbe: { httpGet: { path: '/', port: 'health' } },
                  volumeMounts: [{ name: 'config', mountPath: '/etc/otelcol' }],
                },
              ],
              volumes: [{ name: 'config', configMap: { name: config.metadata.name } }],
            },
          },
        },
      },
      parent,
    );
    networkPolicy(this.name, {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: args.clients.map((client) => ({ ...client, ports: [{ port: OTLP_HTTP_PORT }] })),
      egressTo: [
        dnsEgress,
        {
          why: "the region's telemetry backend",
          peers: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
          ports: [{ port: 443 }, { port: 4318 }],
        },
      ],
      parent: this,
    });
    this.registerOutputs({ endpoint: this.endpoint });
  }
}
