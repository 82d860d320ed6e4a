import { describe, expect, it } from 'vitest';
import { OknoService } from '../src/components/okno-service';
import { podsLabelled } from '../src/components/network-policy';
import { declare, ofKind } from './mock-stack';

const sizing = {
  replicas: { min: 2, max: 8 },
  cpu: { request: '500m', limit: '1' },
  memory: { request: '384Mi', limit: '768Mi' },
};

const catalogue = () =>
  declare(
    () =>
      new OknoService('catalogue', {
        namespace: 'okno',
        image: `registry.kuzbass.ru/okno/node@sha256:${'a'.repeat(64)}`,
        services: ['catalogue'],
        sizing,
        env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db', key: 'uri' } } }],
        ingressFrom: [podsLabelled('the applications service', { app: 'apps' }, [])],
        egressTo: [podsLabelled('PostgreSQL', { 'cnpg.io/cluster': 'okno-db' }, [{ port: 5432 }])],
      }),
  );

describe('an Okno service on Kubernetes', () => {
  it('runs the image hosting its services, non-root on a read-only root, within limits', async () => {
    const [deployment] = ofKind(await catalogue(), 'kubernetes:apps/v1:Deployment');
    const pod = deployment!.inputs.spec.template.spec;
    const [container] = pod.containers;
    expect(container.image).toMatch(/@sha256:a{64}$/);
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'OKNO_SERVICES', value: 'catalogue' },
        { name: 'OKNO_MIGRATE', value: 'false' },
        { name: 'NODE_ENV', value: 'production' },
      ]),
    );
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources).toEqual({
      requests: { cpu: '500m', memory: '384Mi' },
      limits: { cpu: '1', memory: '768Mi' },
    });
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(deployment!.inputs.spec.strategy.rollingUpdate).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
  });

  it('scales between its bounds and keeps a replica through a drain', async () => {
    const declared = await catalogue();
    const [hpa] = ofKind(declared, 'kubernetes:autoscaling/v2:HorizontalPodAutoscaler');
    expect(hpa!.inputs.spec).toMatchObject({ minReplicas: 2, maxReplicas: 8 });
    const [pdb] = ofKind(declared, 'kubernetes:policy/v1:PodDisruptionBudget');
    expect(pdb!.inputs.spec.maxUnavailable).toBe(1);
  });

  it('is reachable inside the cluster only, and only by whom it names', async () => {
    const declared = await catalogue();
    const [service] = ofKind(declared, 'kubernetes:core/v1:Service');
    expect(service!.inputs.spec.type).toBe('ClusterIP');
    const [policy] = ofKind(declared, 'kubernetes:networking.k8s.io/v1:NetworkPolicy');
    expect(policy!.inputs.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy!.inputs.spec.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { app: 'apps' } } }],
        ports: [{ port: 3000, protocol: 'TCP' }],
      },
    ]);
    const egressPorts = policy!.inputs.spec.egress.map((rule: { ports: { port: number }[] }) =>
      rule.ports.map((p) => p.port),
    );
    expect(egressPorts).toEqual([[53, 53], [5432]]);
  });
});
