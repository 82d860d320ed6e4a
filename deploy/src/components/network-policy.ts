import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';

type NetworkPolicyPeer = k8s.types.input.networking.v1.NetworkPolicyPeer;

/** Pods, namespaces or address blocks a workload may talk with, on these ports. */
export interface Peer {
  /** Why this traffic is allowed, kept as an annotation for whoever reads the policy. */
  why: string;
  peers: NetworkPolicyPeer[];
  ports: { port: number; protocol?: 'TCP' | 'UDP' }[];
}

/** Name resolution, which every pod needs: the cluster's DNS in kube-system. */
export const dnsEgress: Peer = {
  why: 'DNS',
  peers: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

/** A peer: the pods of this namespace with these labels. */
export const podsLabelled = (
  why: string,
  labels: Record<string, string>,
  ports: Peer['ports'],
): Peer => ({ why, peers: [{ podSelector: { matchLabels: labels } }], ports });

/**
 * Deny by default: the selected pods accept only `ingressFrom` and reach only `egressTo`;
 * every other connection, in or out, is dropped by the cluster's network plugin.
 */
export function networkPolicy(
  name: string,
  args: {
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    podLabels: Record<string, string>;
    ingressFrom: Peer[];
    /** null: outgoing traffic is not restricted (servers whose peers are outside: backups). */
    egressTo: Peer[] | null;
    parent: pulumi.Resource;
  },
): k8s.networking.v1.NetworkPolicy {
  const rule = (peer: Peer) => ({
    ports: peer.ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
  });
  return new k8s.networking.v1.NetworkPolicy(
    name,
    {
      metadata: {
        name,
        namespace: args.namespace,
        labels: args.labels,
        annotations: {
          'okno.dev/ingress-from': args.ingressFrom.map((p) => p.why).join('; '),
          'okno.dev/egress-to': args.egressTo?.map((p) => p.why).join('; ') ?? 'anywhere',
        },
      },
      spec: {
        podSelector: { matchLabels: args.podLabels },
        policyTypes: args.egressTo ? ['Ingress', 'Egress'] : ['Ingress'],
        ingress: args.ingressFrom.map((peer) => ({ from: peer.peers, ...rule(peer) })),
        ...(args.egressTo && {
          egress: args.egressTo.map((peer) => ({ to: peer.peers, ...rule(peer) })),
        }),
      },
    },
    { parent: args.parent },
  );
}
