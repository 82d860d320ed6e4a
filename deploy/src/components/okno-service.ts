import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { containerSecurity, podSecurity, tmpVolume } from './security';
import { disruptionBudget } from './workload';
import type { ServiceSizing } from '../region/region-stack';
import { dnsEgress, networkPolicy, type Peer } from './network-policy';

type EnvVar = k8s.types.input.core.v1.EnvVar;

export interface OknoServiceArgs {
  namespace: pulumi.Input<string>;
  /** The image by digest (`registry/okno-node@sha256:…`). */
  image: string;
  /** The services this Deployment hosts (OKNO_SERVICES): usually just its own. */
  services: readonly string[];
  sizing: ServiceSizing;
  /** Configuration; secrets as `secretKeyRef`s, never values. */
  env: pulumi.Input<EnvVar>[];
  /** Who may call it (the ingress controller, other services); nobody else. */
  ingressFrom: Peer[];
  /** What it may reach (PostgreSQL, NATS, object storage, Keycloak, the collector); DNS too. */
  egressTo: Peer[];
  /** Files from ConfigMaps, read-only (the region's calendar). */
  files?: { configMap: pulumi.Input<string>; mountPath: string }[];
}

/** The port every node process listens on inside its pod. */
export const NODE_PORT = 3000;

/**
 * One Okno service as Kubernetes runs it: a Deployment of the node image hosting the named
 * services (non-root, read-only root filesystem, no capabilities, requests and limits, probes on
 * `/healthz` and `/readyz`), a ClusterIP Service, a HorizontalPodAutoscaler on CPU, a
 * PodDisruptionBudget that keeps one replica through a node drain, and a NetworkPolicy that
 * admits only the declared callers and lets it reach only the declared peers.
 */
export class OknoService extends pulumi.ComponentResource {
  readonly deployment: k8s.apps.v1.Deployment;
  readonly service: k8s.core.v1.Service;
  /** In-cluster URL of the service (`http://okno-catalogue:3000`). */
  readonly url: string;

  constructor(name: string, args: OknoServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:Service', name, {}, opts);
    const parent = { parent: this };
    const fullName = `okno-${name}`;
    const labels = {
      'app.kubernetes.io/name': fullName,
      'app.kubernetes.io/part-of': 'okno',
      'app.kubernetes.io/component': 'service',
    };
    const metadata = { name: fullName, namespace: args.namespace, labels };
    const { sizing } = args;

    this.deployment = new k8s.apps.v1.Deployment(
      fullName,
      {
        metadata,
        spec: {
          replicas: sizing.replicas.min,
          selector: { matchLabels: labels },
          // A new version comes up before an old one goes: no capacity lost mid-rollout.
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              // Spread replicas over machines, so losing one keeps the service up.
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: 'kubernetes.io/hostname',
                  whenUnsatisfiable: 'ScheduleAnyway',
                  labelSelector: { matchLabels: labels },
                },
              ],
              terminationGracePeriodSeconds: 40,
              containers: [
                {
                  name: 'node',
                  image: args.image,
                  ports: [{ name: 'http', containerPort: NODE_PORT }],
                  env: [
                    { name: 'NODE_ENV', value: 'production' },
                    { name: 'PORT', value: String(NODE_PORT) },
                    { name: 'HOST', value: '0.0.0.0' },
                    { name: 'OKNO_SERVICES', value: args.services.join(',') },
                    // The migration Job migrates before a rollout; services never do.
                    { name: 'OKNO_MIGRATE', value: 'false' },
                    ...args.env,
                  ],
                  resources: {
                    requests: { cpu: sizing.cpu.request, memory: sizing.memory.request },
                    limits: { cpu: sizing.cpu.limit, memory: sizing.memory.limit },
                  },
                  securityContext: containerSecurity,
                  startupProbe: httpProbe('/healthz', { periodSeconds: 2, failureThreshold: 60 }),
                  livenessProbe: httpProbe('/healthz', { periodSeconds: 10, failureThreshold: 3 }),
                  readinessProbe: httpProbe('/readyz', { periodSeconds: 5, failureThreshold: 2 }),
                  // The compiled TypeScript cache and temporary files: the root stays read-only.
                  volumeMounts: [
                    tmpVolume.mount,
                    ...(args.files ?? []).map((f, i) => ({
                      name: `files-${i}`,
                      mountPath: f.mountPath,
                      readOnly: true,
                    })),
                  ],
                },
              ],
              volumes: [
                tmpVolume.volume,
                ...(args.files ?? []).map((f, i) => ({
                  name: `files-${i}`,
                  configMap: { name: f.configMap },
                })),
              ],
            },
          },
        },
      },
      parent,
    );

    this.service = new k8s.core.v1.Service(
      fullName,
      {
        metadata,
        spec: {
          type: 'ClusterIP',
          selector: labels,
          ports: [{ name: 'http', port: NODE_PORT, targetPort: 'http' }],
        },
      },
      parent,
    );
    this.url = `http://${fullName}:${NODE_PORT}`;

    new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      fullName,
      {
        metadata,
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: fullName },
          minReplicas: sizing.replicas.min,
          maxReplicas: sizing.replicas.max,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
            },
          ],
        },
      },
      parent,
    );

    disruptionBudget({ labels, metadata }, this);

    networkPolicy(fullName, {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: args.ingressFrom.map((peer) => ({ ...peer, ports: [{ port: NODE_PORT }] })),
      egressTo: [dnsEgress, ...args.egressTo],
      parent: this,
    });

    this.registerOutputs({ url: this.url });
  }
}

function httpProbe(path: string, timing: { periodSeconds: number; failureThreshold: number }) {
  return { httpGet: { path, port: 'http' }, timeoutSeconds: 2, ...timing };
}
