import { join } from 'node:path';
import { isDevelopment } from '@okno/config';
import { localFolderStorage, s3Storage, type ObjectStorage } from '@okno/storage';
import type { NodeEnv } from './env';

/**
 * Documents' storage as configured: a folder under the data folder (the embedded default), or
 * an S3-compatible bucket. A development node creates its bucket; production's is provisioned
 * with the region (deploy/).
 */
export function openStorage(env: NodeEnv): Promise<ObjectStorage> {
  if (env.OKNO_STORAGE === 'local') return localFolderStorage(join(env.OKNO_DATA_DIR, 'documents'));
  return s3Storage({
    ...(env.OKNO_S3_ENDPOINT && { endpoint: env.OKNO_S3_ENDPOINT }),
    region: env.OKNO_S3_REGION,
    // Required with OKNO_STORAGE=s3 (env.ts refuses the configuration otherwise).
    bucket: env.OKNO_S3_BUCKET ?? '',
    accessKeyId: env.OKNO_S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.OKNO_S3_SECRET_ACCESS_KEY ?? '',
    createBucket: isDevelopment(env),
  });
}
