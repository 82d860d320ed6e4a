import { RegionalNode, type RegionSecrets } from '../src/regional-node';
import { RegionStack } from '../src/region/region-stack';
import { realmFileOf, regionsDir } from '../src/stack-program';

/** A region as an IT team would describe it: Kuzbass, small, its own storage. */
export const sampleStack = RegionStack.parse({
  region: 'RU-KEM',
  domain: 'gosuslugi.kuzbass.example',
  location: {
    name: 'kemerovo-dc1',
    storageClasses: ['kuzbass-ssd'],
    objectStorageEndpoints: ['https://s3.kuzbass.example'],
  },
  image: { repository: 'registry.kuzbass.example/okno/node', digest: `sha256:${'e'.repeat(64)}` },
  images: {
    nats: `registry.kuzbass.example/mirror/nats@sha256:${'f'.repeat(64)}`,
    keycloak: `registry.kuzbass.example/okno/keycloak@sha256:${'d'.repeat(64)}`,
    collector: `registry.kuzbass.example/mirror/otelcol@sha256:${'c'.repeat(64)}`,
  },
  timeZone: 'Asia/Novokuznetsk',
  uinPrefix: '10042200',
  database: {
    storage: { size: '100Gi', storageClass: 'kuzbass-ssd' },
    backup: { bucket: 'okno-backups', endpoint: 'https://s3.kuzbass.example' },
  },
  nats: { storage: { size: '20Gi', storageClass: 'kuzbass-ssd' } },
  objectStorage: {
    kind: 'existing',
    bucket: 'okno-documents',
    endpoint: 'https://s3.kuzbass.example',
  },
  keycloak: { database: { storage: { size: '10Gi', storageClass: 'kuzbass-ssd' } } },
  ingress: { clusterIssuer: 'kuzbass-ca' },
});

/** Every secret of the sample region, recognisable wherever it might leak. */
export const sampleSecrets: RegionSecrets = {
  dataKeys: 'secret-data-keys-value',
  signingKeys: 'secret-signing-keys-value',
  backupAccessKeyId: 'secret-backup-key-id',
  backupSecretAccessKey: 'secret-backup-key',
  storageAccessKeyId: 'secret-storage-key-id',
  storageSecretAccessKey: 'secret-storage-key',
};

export const samplePolicyConfig = {
  storageClasses: sampleStack.location.storageClasses,
  objectStorageEndpoints: sampleStack.location.objectStorageEndpoints,
};

export const sampleRegion = (stack = sampleStack) =>
  new RegionalNode('ru-kem', {
    stack,
    secrets: sampleSecrets,
    realmFile: realmFileOf(regionsDir, stack.region),
  });
