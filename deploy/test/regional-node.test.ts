import { describe, expect, it } from 'vitest';
import { declare, GENERATED_SECRET, ofKind, plainSecrets, type Declared } from './mock-stack';
import { RegionStack } from '../src/region/region-stack';
import { violations } from './check-policies';
import { samplePolicyConfig, sampleRegion, sampleSecrets, sampleStack } from './sample-region';

/** The Deployments of the node's own services (not Keycloak's or the collector's). */
const oknoServices = (declared: Declared[]) =>
  ofKind(declared, 'kubernetes:apps/v1:Deployment').filter(
    (d) => d.inputs.metadata.labels['app.kubernetes.io/component'] === 'service',
  );

describe('a regional node, declared for a sample region', () => {
  it('runs every service as its own Deployment with probes, limits and autoscaling bounds', async () => {
    const declared = await declare(() => sampleRegion());
    const deployments = oknoServices(declared);
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
    const env = oknoServices(declared).flatMap(
      (d) => d.inputs.spec.template.spec.containers[0].env as { name: string; value?: string }[],
    );
    expect(env.find((e) => e.name === 'DATABASE_URL')?.value).toBe(
      'postgres://$(PGUSER):$(PGPASSWORD)@okno-db-rw:5432/okno',
    );
  });
});

describe('the parts around the services', () => {
  it("runs Keycloak on its own database, importing the realm Okno's generator made", async () => {
    const declared = await declare(() => sampleRegion());
    const clusters = ofKind(declared, 'kubernetes:postgresql.cnpg.io/v1:Cluster');
    expect(clusters.map((c) => [c.name, c.inputs.spec.bootstrap.initdb.database])).toEqual(
      expect.arrayContaining([
        ['okno-db', 'okno'],
        ['okno-keycloak-db', 'keycloak'],
      ]),
    );
    const [realm] = ofKind(declared, 'kubernetes:core/v1:ConfigMap').filter(
      (c) => c.name === 'okno-keycloak-realm',
    );
    const imported = JSON.parse(realm!.inputs.data['ru-kem-realm.json']);
    expect(imported).toMatchObject({ realm: 'ru-kem', enabled: true });
    const [keycloak] = ofKind(declared, 'kubernetes:apps/v1:Deployment').filter(
      (d) => d.name === 'okno-keycloak',
    );
    const [container] = keycloak!.inputs.spec.template.spec.containers;
    expect(container.args).toEqual(['start', '--optimized', '--import-realm']);
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.env).toContainEqual({
      name: 'KC_HOSTNAME',
      value: 'https://id.gosuslugi.kuzbass.example',
    });
  });

  it('opens one door: HTTPS for the API and sign-in hosts, certificates from cert-manager', async () => {
    const declared = await declare(() => sampleRegion());
    const ingresses = ofKind(declared, 'kubernetes:networking.k8s.io/v1:Ingress');
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    expect(ingress!.inputs.metadata.annotations['cert-manager.io/cluster-issuer']).toBe(
      'kuzbass-ca',
    );
    expect(ingress!.inputs.spec.tls).toEqual([
      {
        hosts: ['gosuslugi.kuzbass.example', 'id.gosuslugi.kuzbass.example'],
        secretName: 'okno-tls',
      },
    ]);
    const routes = ingress!.inputs.spec.rules.flatMap(
      (rule: {
        host: string;
        http: { paths: { path: string; backend: { service: { name: string } } }[] };
      }) => rule.http.paths.map((p) => `${rule.host}${p.path} → ${p.backend.service.name}`),
    );
    expect(routes).toEqual([
      'gosuslugi.kuzbass.example/api/identity → okno-identity',
      'gosuslugi.kuzbass.example/api/catalogue → okno-catalogue',
      'gosuslugi.kuzbass.example/api/applications → okno-applications',
      'gosuslugi.kuzbass.example/api/documents → okno-documents',
      'gosuslugi.kuzbass.example/api/payments → okno-payments',
      'gosuslugi.kuzbass.example/ → okno-catalogue',
      'id.gosuslugi.kuzbass.example/ → okno-keycloak',
    ]);
  });

  it('sends telemetry to the collector, and keeps documents in the cluster when told to', async () => {
    const inCluster = RegionStack.parse({
      ...sampleStack,
      images: {
        ...sampleStack.images,
        objectStorage: `registry.kuzbass.example/mirror/versitygw@sha256:${'9'.repeat(64)}`,
      },
      objectStorage: {
        kind: 'in-cluster',
        bucket: 'okno-documents',
        storage: { size: '500Gi', storageClass: 'kuzbass-ssd' },
      },
    });
    const declared = await declare(() => sampleRegion(inCluster));
    const env = oknoServices(declared)[0]!.inputs.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({
      name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      value: 'http://okno-otel-collector:4318',
    });
    expect(env).toContainEqual({ name: 'OKNO_S3_ENDPOINT', value: 'http://okno-s3:7070' });
    expect(ofKind(declared, 'kubernetes:apps/v1:StatefulSet').map((s) => s.name)).toContain(
      'okno-s3',
    );
    expect(await violations(declared, samplePolicyConfig)).toEqual([]);
    expect(() =>
      RegionStack.parse({
        ...inCluster,
        images: { ...inCluster.images, objectStorage: undefined },
      }),
    ).toThrow(/objectStorage[\s\S]*is required when objectStorage is in-cluster/);
  });
});
