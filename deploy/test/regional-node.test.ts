import { describe, expect, it } from 'vitest';
import { declare, GENERATED_SECRET, ofKind, plainSecrets } from './mock-stack';
import { sampleRegion, sampleSecrets } from './sample-region';

describe('a regional node, declared for a sample region', () => {
  it('runs every service as its own Deployment with probes, limits and autoscaling bounds', async () => {
    const declared = await declare(() => sampleRegion());
    const deployments = ofKind(declared, 'kubernetes:apps/v1:Deployment');
    expect(deployments.map((d) => d.name).sort()).toEqual([
      'okno-applications',
      'okno-catalogue',
      'okno-documents',
      'okno-identity',
      'okno-payments',
    ]);
    for (const deployment of deployments) {
      const [container] = deployment.inputs.spec.template.spec.containers;
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.resources.limits).toEqual({ cpu: '1', memory: expect.any(String) });
    }
    const bounds = ofKind(declared, 'kubernetes:autoscaling/v2:HorizontalPodAutoscaler').map(
      (h) => [h.name, h.inputs.spec.minReplicas, h.inputs.spec.maxReplicas],
    );
    expect(bounds).toContainEqual(['okno-applications', 2, 8]);
    expect(bounds).toHaveLength(5);
  });

  it('has nothing reachable from outside the cluster', async () => {
    const declared = await declare(() => sampleRegion());
    const types = ofKind(declared, 'kubernetes:core/v1:Service').map((s) => s.inputs.spec.type);
    expect(types.every((t) => t === undefined || t === 'ClusterIP')).toBe(true);
  });

  it('keeps every secret in Secrets, never in plain configuration', async () => {
    const declared = await declare(() => sampleRegion());
    expect(plainSecrets(declared, [GENERATED_SECRET, ...Object.values(sampleSecrets)])).toEqual([]);
    const env = ofKind(declared, 'kubernetes:apps/v1:Deployment').flatMap(
      (d) => d.inputs.spec.template.spec.containers[0].env as { name: string; value?: string }[],
    );
    expect(env.find((e) => e.name === 'DATABASE_URL')?.value).toBe(
      'postgres://$(PGUSER):$(PGPASSWORD)@okno-db-rw:5432/okno',
    );
  });
});
