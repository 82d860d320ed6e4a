import type {
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  StackValidationPolicy,
} from '@pulumi/policy';

/** What the policies need to know of the region (the pack's configuration). */
export interface OknoPolicyConfig {
  /** Storage classes in the region's own data centres. */
  storageClasses: string[];
  /** Object-storage endpoints in the region (backups, documents). */
  objectStorageEndpoints: string[];
}

/** The fields of Kubernetes resources the policies read (the engine passes untyped JSON). */
interface Meta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
}
interface SecurityProps {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
}
interface Quantities {
  cpu?: string;
  memory?: string;
}
interface ContainerProps {
  name?: string;
  image?: string;
  resources?: { requests?: Quantities; limits?: Quantities };
  securityContext?: SecurityProps;
  env?: { name: string; value?: string }[];
}
interface PodProps {
  securityContext?: SecurityProps;
  containers?: ContainerProps[];
  initContainers?: ContainerProps[];
}
interface TemplateProps {
  metadata?: Meta;
  spec?: PodProps;
}
interface K8sProps {
  metadata?: Meta;
  spec?: {
    type?: string;
    template?: TemplateProps;
    jobTemplate?: { spec?: { template?: TemplateProps } };
    podSelector?: { matchLabels?: Record<string, string> };
    storageClassName?: string;
    volumeClaimTemplates?: { metadata?: Meta; spec?: { storageClassName?: string } }[];
    storage?: { storageClass?: string };
    backup?: { barmanObjectStore?: { endpointURL?: string } };
  };
}
const propsOf = (r: PolicyResource) => r.props as K8sProps;

/** The Kubernetes name of a resource (its Pulumi name when it has none). */
const nameOf = (r: PolicyResource): string => propsOf(r).metadata?.name ?? r.name;

/** Where each kind of workload keeps its pod template. */
const TEMPLATES: Record<string, (p: K8sProps) => TemplateProps | undefined> = {
  'kubernetes:apps/v1:Deployment': (p) => p.spec?.template,
  'kubernetes:apps/v1:StatefulSet': (p) => p.spec?.template,
  'kubernetes:apps/v1:DaemonSet': (p) => p.spec?.template,
  'kubernetes:batch/v1:Job': (p) => p.spec?.template,
  'kubernetes:batch/v1:CronJob': (p) => p.spec?.jobTemplate?.spec?.template,
};
/** A Service's address inside the cluster: `http://okno-s3:7070`, `…svc.cluster.local`. */
const IN_CLUSTER = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+\.svc(\.cluster\.local)?)?(:\d+)?\/?$/;
const DATA_SERVERS = [/^postgresql\.cnpg\.io\//, /nats/i, /-db(-|$)/];

/** Every workload's pod template, with the resource it belongs to. */
function podsOf(resources: PolicyResource[]) {
  return resources.flatMap((resource) => {
    const template = TEMPLATES[resource.type]?.(propsOf(resource));
    return template
      ? [{ resource, pod: template.spec ?? {}, labels: template.metadata?.labels ?? {} }]
      : [];
  });
}

const containersOf = (pod: PodProps): ContainerProps[] => [
  ...(pod.initContainers ?? []),
  ...(pod.containers ?? []),
];

function stackPolicy(
  name: string,
  description: string,
  check: (resources: PolicyResource[], report: ReportViolation, config: OknoPolicyConfig) => void,
  configSchema?: PolicyConfigSchema,
): StackValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: 'mandatory',
    ...(configSchema && { configSchema }),
    validateStack: (args, report) =>
      check(args.resources, report, args.getConfig<OknoPolicyConfig>()),
  };
}

const strings = { type: 'array', items: { type: 'string' }, minItems: 1 } as const;

/** The region's location, as `--policy-pack-config` gives it (`okno region init` writes it). */
const locationSchema: PolicyConfigSchema = {
  properties: { storageClasses: strings, objectStorageEndpoints: strings },
  required: ['storageClasses', 'objectStorageEndpoints'],
};

/**
 * What a regional node must never be deployed with. Each policy names the resource and the
 * field that breaks it; all are mandatory (a violation stops `pulumi up`).
 */
export const oknoPolicies: StackValidationPolicy[] = [
  stackPolicy(
    'no-public-data-servers',
    'PostgreSQL and NATS are reachable from inside the cluster only: no LoadBalancer or NodePort for anything, and no Ingress to a data server.',
    (resources, report) => {
      for (const r of resources) {
        const type = propsOf(r).spec?.type;
        if (
          r.type === 'kubernetes:core/v1:Service' &&
          (type === 'LoadBalancer' || type === 'NodePort')
        ) {
          report(`Service ${nameOf(r)} is of type ${type}: only the Ingress faces outside`, r.urn);
        }
        if (r.type === 'kubernetes:networking.k8s.io/v1:Ingress') {
          const backends = JSON.stringify(propsOf(r).spec ?? {}).match(/"name":"[^"]+"/g) ?? [];
          for (const backend of backends) {
            if (DATA_SERVERS.some((server) => server.test(backend))) {
              report(`Ingress ${nameOf(r)} routes to a data server (${backend})`, r.urn);
            }
          }
        }
      }
    },
  ),
  stackPolicy(
    'containers-have-limits',
    'Every container declares CPU and memory requests and limits, so one cannot starve the node.',
    (resources, report) => {
      for (const { resource, pod } of podsOf(resources)) {
        for (const container of containersOf(pod)) {
          const { requests, limits } = container.resources ?? {};
          for (const [kind, values] of [
            ['requests', requests],
            ['limits', limits],
          ] as const) {
            if (!values?.cpu || !values.memory) {
              report(
                `${nameOf(resource)}: container ${container.name} has no CPU or memory ${kind}`,
                resource.urn,
              );
            }
          }
        }
      }
    },
  ),
  stackPolicy(
    'containers-not-root',
    'Containers run as a non-root user, without privilege escalation.',
    (resources, report) => {
      for (const { resource, pod } of podsOf(resources)) {
        for (const container of containersOf(pod)) {
          const context = { ...pod.securityContext, ...container.securityContext };
          const where = `${nameOf(resource)}: container ${container.name}`;
          if (context.runAsNonRoot !== true || context.runAsUser === 0) {
            report(`${where} may run as root`, resource.urn);
          }
          if (context.allowPrivilegeEscalation !== false || context.privileged === true) {
            report(`${where} may escalate privileges`, resource.urn);
          }
        }
      }
    },
  ),
  stackPolicy(
    'images-by-digest',
    'Images are referenced by digest (name@sha256:…): a tag can be moved to other contents after review.',
    (resources, report) => {
      for (const { resource, pod } of podsOf(resources)) {
        for (const container of containersOf(pod)) {
          const image = container.image ?? '(none)';
          if (!/@sha256:[0-9a-f]{64}$/.test(image)) {
            report(`${nameOf(resource)}: image ${image} is not pinned by digest`, resource.urn);
          }
        }
      }
    },
  ),
  stackPolicy(
    'workloads-have-network-policies',
    'Every workload, and every PostgreSQL cluster, is selected by a NetworkPolicy in its namespace: deny by default.',
    (resources, report) => {
      const policies = resources
        .filter((r) => r.type === 'kubernetes:networking.k8s.io/v1:NetworkPolicy')
        .map((r) => ({
          namespace: propsOf(r).metadata?.namespace,
          selects: propsOf(r).spec?.podSelector?.matchLabels ?? {},
        }));
      const selected = (namespace: string | undefined, labels: Record<string, string>) =>
        policies.some(
          (p) =>
            p.namespace === namespace &&
            Object.entries(p.selects).every(([key, value]) => labels[key] === value),
        );
      for (const { resource, labels } of podsOf(resources)) {
        if (!selected(propsOf(resource).metadata?.namespace, labels)) {
          report(`${nameOf(resource)}: no NetworkPolicy selects its pods`, resource.urn);
        }
      }
      for (const r of resources) {
        if (r.type !== 'kubernetes:postgresql.cnpg.io/v1:Cluster') continue;
        const labels = { 'cnpg.io/cluster': nameOf(r) };
        if (!selected(propsOf(r).metadata?.namespace, labels)) {
          report(`PostgreSQL cluster ${nameOf(r)}: no NetworkPolicy selects its pods`, r.urn);
        }
      }
    },
  ),
  stackPolicy(
    'data-stays-in-the-region',
    "Volumes use the region's storage classes; backups and documents go to the region's object storage.",
    (resources, report, config) => {
      const checkClass = (where: string, storageClass: string | undefined, urn: string) => {
        if (!storageClass || !config.storageClasses.includes(storageClass)) {
          report(
            `${where}: storage class ${storageClass ?? '(cluster default)'} is not one of the region's (${config.storageClasses.join(', ')})`,
            urn,
          );
        }
      };
      const checkEndpoint = (where: string, endpoint: string | undefined, urn: string) => {
        if (endpoint && IN_CLUSTER.test(endpoint)) return; // the cluster is in the region
        if (!endpoint || !config.objectStorageEndpoints.includes(endpoint)) {
          report(
            `${where}: object storage ${endpoint ?? '(provider default)'} is outside the region`,
            urn,
          );
        }
      };
      for (const r of resources) {
        const spec = propsOf(r).spec;
        if (r.type === 'kubernetes:core/v1:PersistentVolumeClaim') {
          checkClass(`volume ${nameOf(r)}`, spec?.storageClassName, r.urn);
        }
        if (r.type === 'kubernetes:apps/v1:StatefulSet') {
          for (const claim of spec?.volumeClaimTemplates ?? []) {
            checkClass(
              `${nameOf(r)} volume ${claim.metadata?.name}`,
              claim.spec?.storageClassName,
              r.urn,
            );
          }
        }
        if (r.type === 'kubernetes:postgresql.cnpg.io/v1:Cluster') {
          checkClass(`PostgreSQL ${nameOf(r)}`, spec?.storage?.storageClass, r.urn);
          const store = spec?.backup?.barmanObjectStore;
          if (store) checkEndpoint(`PostgreSQL ${nameOf(r)} backups`, store.endpointURL, r.urn);
        }
      }
      for (const { resource, pod } of podsOf(resources)) {
        for (const container of containersOf(pod)) {
          const setting = (name: string) => container.env?.find((e) => e.name === name)?.value;
          if (setting('OKNO_STORAGE') !== 's3') continue;
          checkEndpoint(`${nameOf(resource)} documents`, setting('OKNO_S3_ENDPOINT'), resource.urn);
        }
      }
    },
    locationSchema,
  ),
];
