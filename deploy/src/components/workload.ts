import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';

type Ports = { name: string; port: number }[];

/** The labels and metadata of one of Okno's workloads, named `name` in `namespace`. */
export function oknoWorkload(name: string, namespace: pulumi.Input<string>) {
  const labels = { 'app.kubernetes.io/part-of': 'okno', 'app.kubernetes.io/name': name };
  return { labels, metadata: { name, namespace, labels } };
}

interface Workload {
  labels: Record<string, string>;
  metadata: { name: string; namespace: pulumi.Input<string>; labels: Record<string, string> };
}

/** A Service reachable inside the cluster only (ClusterIP), in front of the workload's pods. */
export function clusterService(workload: Workload, ports: Ports, parent: pulumi.Resource) {
  return new k8s.core.v1.Service(
    workload.metadata.name,
    {
      metadata: workload.metadata,
      spec: { type: 'ClusterIP', selector: workload.labels, ports },
    },
    { parent },
  );
}

/** A headless Service (`<name>-cluster`): the pods' own DNS names, for servers that peer. */
export function peerService(workload: Workload, ports: Ports, parent: pulumi.Resource) {
  const name = `${workload.metadata.name}-cluster`;
  return new k8s.core.v1.Service(
    name,
    {
      metadata: { ...workload.metadata, name },
      spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: workload.labels, ports },
    },
    { parent },
  );
}

/** At most one pod of the workload down at a time during node drains and upgrades. */
export function disruptionBudget(workload: Workload, parent: pulumi.Resource) {
  return new k8s.policy.v1.PodDisruptionBudget(
    workload.metadata.name,
    {
      metadata: workload.metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: workload.labels } },
    },
    { parent },
  );
}
