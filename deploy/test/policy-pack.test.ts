import * as k8s from '@pulumi/kubernetes';
import { describe, expect, it } from 'vitest';
import { RegionStack } from '../src/region/region-stack';
import { violations } from './check-policies';
import { declare } from './mock-stack';
import { samplePolicyConfig, sampleRegion, sampleStack } from './sample-region';

const digest = `@sha256:${'a'.repeat(64)}`;
const safeContainer = {
  name: 'app',
  image: `registry.kuzbass.example/app${digest}`,
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } },
  securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false },
};

/** The sample region plus one more workload, as someone might add it. */
const withExtra = (extra: () => void) =>
  declare(() => {
    sampleRegion();
    extra();
  }).then((declared) => violations(declared, samplePolicyConfig));

const deployment = (container: k8s.types.input.core.v1.Container) =>
  new k8s.apps.v1.Deployment('extra', {
    metadata: { name: 'extra', namespace: 'okno' },
    spec: {
      selector: { matchLabels: { app: 'extra' } },
      template: { metadata: { labels: { app: 'extra' } }, spec: { containers: [container] } },
    },
  });
const allowExtra = () =>
  new k8s.networking.v1.NetworkPolicy('extra', {
    metadata: { name: 'extra', namespace: 'okno' },
    spec: { podSelector: { matchLabels: { app: 'extra' } }, policyTypes: ['Ingress', 'Egress'] },
  });

describe('the policy pack', () => {
  it('passes the sample region', async () => {
    expect(await violations(await declare(() => sampleRegion()), samplePolicyConfig)).toEqual([]);
  });

  it('refuses a database or NATS reachable from outside the cluster', async () => {
    const found = await withExtra(() => {
      new k8s.core.v1.Service('db-public', {
        metadata: { name: 'okno-db-public', namespace: 'okno' },
        spec: {
          type: 'LoadBalancer',
          selector: { 'cnpg.io/cluster': 'okno-db' },
          ports: [{ port: 5432 }],
        },
      });
      new k8s.networking.v1.Ingress('nats', {
        metadata: { name: 'nats', namespace: 'okno' },
        spec: {
          rules: [
            {
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: 'okno-nats', port: { number: 4222 } } },
                  },
                ],
              },
            },
          ],
        },
      });
    });
    expect(found).toEqual([
      'no-public-data-servers: Service okno-db-public is of type LoadBalancer: only the Ingress faces outside',
      'no-public-data-servers: Ingress nats routes to a data server ("name":"okno-nats")',
    ]);
  });

  it('refuses a container without limits, and one running as root', async () => {
    const found = await withExtra(() => {
      allowExtra();
      deployment({
        ...safeContainer,
        resources: { requests: { cpu: '1', memory: '1Gi' } },
        securityContext: { runAsUser: 0 },
      });
    });
    expect(found).toEqual([
      'containers-have-limits: extra: container app has no CPU or memory limits',
      'containers-not-root: extra: container app may run as root',
      'containers-not-root: extra: container app may escalate privileges',
    ]);
  });

  it('refuses an image by tag', async () => {
    const found = await withExtra(() => {
      allowExtra();
      deployment({ ...safeContainer, image: 'registry.kuzbass.example/app:1.4' });
    });
    expect(found).toEqual([
      'images-by-digest: extra: image registry.kuzbass.example/app:1.4 is not pinned by digest',
    ]);
  });

  it('refuses a workload no NetworkPolicy selects', async () => {
    const found = await withExtra(() => deployment(safeContainer));
    expect(found).toEqual([
      'workloads-have-network-policies: extra: no NetworkPolicy selects its pods',
    ]);
  });

  it("refuses storage and backups outside the region's location", async () => {
    const elsewhere = RegionStack.parse({
      ...sampleStack,
      database: {
        ...sampleStack.database,
        storage: { size: '100Gi', storageClass: 'cloud-standard' },
        backup: { ...sampleStack.database.backup, endpoint: 'https://s3.amazonaws.com' },
      },
    });
    const found = await violations(
      await declare(() => sampleRegion(elsewhere)),
      samplePolicyConfig,
    );
    expect(found).toEqual([
      'data-stays-in-the-region: PostgreSQL okno-keycloak-db backups: object storage https://s3.amazonaws.com is outside the region',
      "data-stays-in-the-region: PostgreSQL okno-db: storage class cloud-standard is not one of the region's (kuzbass-ssd)",
      'data-stays-in-the-region: PostgreSQL okno-db backups: object storage https://s3.amazonaws.com is outside the region',
    ]);
  });
});
