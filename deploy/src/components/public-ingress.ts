import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { RegionStack } from '../region/region-stack';

export interface PublicIngressArgs {
  namespace: pulumi.Input<string>;
  ingress: RegionStack['ingress'];
  /** The portal and API's host, and Keycloak's. */
  domain: string;
  keycloakHost: string;
  /** `/api/<name>` → the service's in-cluster Service (`okno-<name>`, port 3000). */
  services: readonly string[];
  /** What answers the rest of the API host: /openapi.json, /docs, /info. */
  rootService: string;
  keycloakService: string;
}

/**
 * The node's one door to the outside: HTTPS for the API host and the sign-in host, with
 * certificates from cert-manager's ClusterIssuer. Each service's routes go straight to its
 * Deployment; nothing else in the namespace is reachable from outside.
 */
export class PublicIngress extends pulumi.ComponentResource {
  constructor(name: string, args: PublicIngressArgs, opts?: pulumi.ComponentResourceOptions) {
    super('okno:node:PublicIngress', name, {}, opts);
    const backend = (service: string, port: number) => ({
      service: { name: service, port: { number: port } },
    });
    new k8s.networking.v1.Ingress(
      'okno',
      {
        metadata: {
          name: 'okno',
          namespace: args.namespace,
          labels: { 'app.kubernetes.io/part-of': 'okno' },
          annotations: {
            'cert-manager.io/cluster-issuer': args.ingress.clusterIssuer,
            // Uploads are streamed to the node, which enforces its own limit (25 MiB).
            'nginx.ingress.kubernetes.io/proxy-body-size': '30m',
            'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
          },
        },
        spec: {
          ingressClassName: args.ingress.className,
          tls: [{ hosts: [args.domain, args.keycloakHost], secretName: 'okno-tls' }],
          rules: [
            {
              host: args.domain,
              http: {
                paths: [
                  ...args.services.map((service) => ({
                    path: `/api/${service}`,
                    pathType: 'Prefix',
                    backend: backend(`okno-${service}`, 3000),
                  })),
                  { path: '/', pathType: 'Prefix', backend: backend(args.rootService, 3000) },
                ],
              },
            },
            {
              host: args.keycloakHost,
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: backend(args.keycloakService, 8080) },
                ],
              },
            },
          ],
        },
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
