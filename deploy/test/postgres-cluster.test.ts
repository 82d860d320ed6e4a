import { describe, expect, it } from 'vitest';
import { PostgresCluster } from '../src/components/postgres-cluster';
import { podsLabelled } from '../src/components/network-policy';
import { declare, GENERATED_SECRET, ofKind, plainSecrets } from './mock-stack';

const database = {
  instances: 3,
  storage: { size: '100Gi', storageClass: 'kuzbass-ssd' },
  backup: { bucket: 'okno-backups', endpoint: 'https://s3.kuzbass.example', retentionDays: 30 },
};

const cluster = () =>
  declare(
    () =>
      new PostgresCluster('db', {
        namespace: 'okno',
        database,
        region: 'RU-KEM',
        serviceSchemas: ['identity', 'catalogue'],
        backupCredentials: { accessKeyId: 'backup-key-id', secretAccessKey: 'backup-key-secret' },
        clients: [podsLabelled('Okno services', { 'app.kubernetes.io/part-of': 'okno' }, [])],
      }),
  );

describe('the region PostgreSQL (CloudNativePG)', () => {
  it('runs the configured instances with a synchronous replica on the region storage', async () => {
    const [pg] = ofKind(await cluster(), 'kubernetes:postgresql.cnpg.io/v1:Cluster');
    expect(pg!.inputs.spec).toMatchObject({
      instances: 3,
      postgresql: { synchronous: { method: 'any', number: 1, dataDurability: 'required' } },
      storage: { size: '100Gi', storageClass: 'kuzbass-ssd' },
      bootstrap: { initdb: { database: 'okno', owner: 'okno_migrator' } },
    });
  });

  it('archives WAL and takes a nightly backup to the region bucket', async () => {
    const declared = await cluster();
    const [pg] = ofKind(declared, 'kubernetes:postgresql.cnpg.io/v1:Cluster');
    expect(pg!.inputs.spec.backup).toMatchObject({
      retentionPolicy: '30d',
      barmanObjectStore: {
        destinationPath: 's3://okno-backups/ru-kem/okno-db',
        endpointURL: 'https://s3.kuzbass.example',
      },
    });
    const [nightly] = ofKind(declared, 'kubernetes:postgresql.cnpg.io/v1:ScheduledBackup');
    expect(nightly!.inputs.spec).toMatchObject({
      schedule: '0 0 2 * * *',
      cluster: { name: 'okno-db' },
    });
  });

  it('has a login per service, with passwords only in Secrets', async () => {
    const declared = await cluster();
    const [pg] = ofKind(declared, 'kubernetes:postgresql.cnpg.io/v1:Cluster');
    expect(pg!.inputs.spec.managed.roles.map((r: { name: string }) => r.name)).toEqual([
      'okno_identity',
      'okno_catalogue',
    ]);
    const secrets = ofKind(declared, 'kubernetes:core/v1:Secret');
    expect(secrets.map((s) => s.name).sort()).toEqual([
      'okno-db-backup',
      'okno-db-okno-catalogue',
      'okno-db-okno-identity',
      'okno-db-okno-migrator',
    ]);
    expect(
      plainSecrets(declared, [GENERATED_SECRET, 'backup-key-secret', 'backup-key-id']),
    ).toEqual([]);
  });

  it('accepts connections only from its clients, its replicas and the operator', async () => {
    const [policy] = ofKind(await cluster(), 'kubernetes:networking.k8s.io/v1:NetworkPolicy');
    expect(policy!.inputs.spec.podSelector).toEqual({
      matchLabels: { 'cnpg.io/cluster': 'okno-db' },
    });
    expect(policy!.inputs.spec.policyTypes).toEqual(['Ingress']);
    expect(policy!.inputs.spec.ingress.map((rule: { from: unknown[] }) => rule.from)).toEqual([
      [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'okno' } } }],
      [{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'okno-db' } } }],
      [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }],
    ]);
  });
});
