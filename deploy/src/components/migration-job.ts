import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { containerSecurity, podSecurity, tmpVolume } from './security';
import { dnsEgress, networkPolicy, type Peer } from './network-policy';

export interface MigrationJobArgs {
  namespace: pulumi.Input<string>;
  /** The version about to roll out, by digest: its migrations run before its services. */
  image: string;
  /** The migrator's connection settings (PostgresCluster.envFor(migrator)). */
  databaseEnv: k8s.types.input.core.v1.EnvVar[];
  /** Each service's login, by schema, to be granted its schema after migrating. */
  serviceLogins: Record<string, string>;
  /** Where PostgreSQL is (egress). */
  database: Peer;
}

/**
 * The migration Job of one version: `apps/node/src/migrate.ts` in the new image migrates the
 * schema and grants the services' logins, once, before any Deployment of that version starts
 * (they depend on it; a failed Job stops the rollout and the old version keeps serving). Its
 * name carries the digest, so each version gets a Job of its own.
 */
export class MigrationJob extends pulumi.ComponentResource {
  readonly job: k8s.batch.v1.Job;

  constructor(name: string, args: MigrationJobArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:MigrationJob', name, {}, opts);
    const digest = args.image.split('@sha256:')[1]?.slice(0, 12);
    if (!digest) throw new Error(`the image must be given by digest: ${args.image}`);
    const jobName = `okno-migrate-${digest}`;
    const labels = {
      'app.kubernetes.io/part-of': 'okno',
      'app.kubernetes.io/name': 'okno-migrate',
    };

    this.job = new k8s.batch.v1.Job(
      jobName,
      {
        metadata: { name: jobName, namespace: args.namespace, labels },
        spec: {
          // On a first deployment PostgreSQL may take minutes to come up: the Job retries
          // with back-off (10 s doubling to 6 min) within its half hour.
          backoffLimit: 10,
          activeDeadlineSeconds: 1800,
          template: {
            metadata: { labels },
            spec: {
              restartPolicy: 'Never',
              automountServiceAccountToken: false,
              securityContext: podSecurity,
              containers: [
                {
                  name: 'migrate',
                  image: args.image,
                  command: ['node', '--import', 'tsx', 'apps/node/src/migrate.ts'],
                  env: [
                    ...args.databaseEnv,
                    {
                      name: 'OKNO_SERVICE_LOGINS',
                      value: Object.entries(args.serviceLogins)
                        .map(([schema, login]) => `${schema}=${login}`)
                        .join(','),
                    },
                  ],
                  resources: {
                    requests: { cpu: '100m', memory: '256Mi' },
                    limits: { cpu: '1', memory: '512Mi' },
                  },
                  securityContext: containerSecurity,
                  volumeMounts: [tmpVolume.mount],
                },
              ],
              volumes: [tmpVolume.volume],
            },
          },
        },
      },
      { parent: this },
    );

    networkPolicy('okno-migrate', {
      namespace: args.namespace,
      labels,
      podLabels: labels,
      ingressFrom: [],
      egressTo: [dnsEgress, args.database],
      parent: this,
    });
    this.registerOutputs({});
  }
}
