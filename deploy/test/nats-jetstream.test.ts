import { describe, expect, it } from 'vitest';
import { podsLabelled } from '../src/components/network-policy';
import { NatsJetStream } from '../src/components/nats-jetstream';
import { declare, ofKind } from './mock-stack';

const nats = () =>
  declare(
    () =>
      new NatsJetStream('nats', {
        namespace: 'okno',
        image: `registry.kuzbass.ru/mirror/nats@sha256:${'b'.repeat(64)}`,
        nats: { replicas: 3, storage: { size: '20Gi', storageClass: 'kuzbass-ssd' } },
        clients: [podsLabelled('Okno services', { 'app.kubernetes.io/part-of': 'okno' }, [])],
      }),
  );

describe('NATS JetStream for the region events', () => {
  it('runs three servers in one cluster, on files flushed before each acknowledgement', async () => {
    const declared = await nats();
    const [config] = ofKind(declared, 'kubernetes:core/v1:ConfigMap');
    const conf: string = config!.inputs.data['nats.conf'];
    expect(conf).toContain('sync_interval: always');
    expect(conf).toContain('max_file_store: 20G');
    expect(conf.match(/nats:\/\/okno-nats-\d\.okno-nats-cluster:6222/g)).toHaveLength(3);
    const [set] = ofKind(declared, 'kubernetes:apps/v1:StatefulSet');
    expect(set!.inputs.spec.replicas).toBe(3);
    expect(set!.inputs.spec.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'kuzbass-ssd',
      resources: { requests: { storage: '20Gi' } },
    });
    const [container] = set!.inputs.spec.template.spec.containers;
    expect(container.resources.limits).toEqual({ cpu: '1', memory: '1Gi' });
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('is reached inside the cluster by the services only', async () => {
    const declared = await nats();
    expect(
      ofKind(declared, 'kubernetes:core/v1:Service')
        .map((s) => s.inputs.spec.type ?? `headless (${s.inputs.spec.clusterIP})`)
        .sort(),
    ).toEqual(['ClusterIP', 'headless (None)']);
    const [policy] = ofKind(declared, 'kubernetes:networking.k8s.io/v1:NetworkPolicy');
    expect(
      policy!.inputs.spec.ingress.map((r: { ports: { port: number }[] }) => r.ports[0]!.port),
    ).toEqual([4222, 6222]);
  });
});
