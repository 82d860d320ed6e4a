import { describe, expect, it } from 'vitest';
import { MigrationJob } from '../src/components/migration-job';
import { podsLabelled } from '../src/components/network-policy';
import { declare, ofKind } from './mock-stack';

const image = (digit: string) => `registry.kuzbass.ru/okno/node@sha256:${digit.repeat(64)}`;
const job = (img: string) =>
  declare(
    () =>
      new MigrationJob('migrate', {
        namespace: 'okno',
        image: img,
        databaseEnv: [
          { name: 'DATABASE_URL', value: 'postgres://$(PGUSER):$(PGPASSWORD)@db/okno' },
        ],
        serviceLogins: { catalogue: 'okno_catalogue', payments: 'okno_payments' },
        database: podsLabelled('PostgreSQL', { 'cnpg.io/cluster': 'okno-db' }, [{ port: 5432 }]),
      }),
  );

describe('the migration Job', () => {
  it("runs the version's migrate command, granting each service its schema", async () => {
    const [declared] = ofKind(await job(image('c')), 'kubernetes:batch/v1:Job');
    expect(declared!.name).toBe('okno-migrate-cccccccccccc');
    const [container] = declared!.inputs.spec.template.spec.containers;
    expect(container.command).toEqual(['node', '--import', 'tsx', 'apps/node/src/migrate.ts']);
    expect(container.env).toContainEqual({
      name: 'OKNO_SERVICE_LOGINS',
      value: 'catalogue=okno_catalogue,payments=okno_payments',
    });
    expect(declared!.inputs.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('is a new Job for each version, and refuses an image without a digest', async () => {
    const [next] = ofKind(await job(image('d')), 'kubernetes:batch/v1:Job');
    expect(next!.name).toBe('okno-migrate-dddddddddddd');
    await expect(job('registry.kuzbass.ru/okno/node:latest')).rejects.toThrow(/by digest/);
  });
});
