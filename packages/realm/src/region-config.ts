import { z } from 'zod';
import { machineRoles, type MachineRole } from '@okno/auth';

const url = z.url({ protocol: /^https?$/ });
const machineRole = z.enum(Object.values(machineRoles) as [MachineRole, ...MachineRole[]]);

/** A partner system that calls the node with client credentials. */
export const PartnerClient = z.object({
  clientId: z.string().regex(/^[a-z][a-z0-9-]{2,62}$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1),
  roles: z.array(machineRole).min(1),
});
export type PartnerClient = z.infer<typeof PartnerClient>;

/**
 * What a region says about itself to get its identity realm: the single input of the Keycloak
 * realm generator and of the embedded OpenID provider. One JSON file per region in
 * `deploy/regions/`.
 */
export const RegionConfig = z.object({
  /** ISO 3166-2 code; every token carries it as the `region` claim. */
  code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as RU-KEM'),
  name: z.object({ ru: z.string().min(1), en: z.string().min(1) }),
  /** Where citizens and officers use the portal: exact redirect URIs, no wildcards. */
  portal: z.object({
    redirectUris: z.array(url.refine((u) => !u.includes('*'), 'no wildcards')).min(1),
    webOrigins: z.array(url).min(1),
    postLogoutRedirectUris: z.array(url).default([]),
  }),
  /** Access tokens are short-lived; refresh tokens carry the session. */
  accessTokenMinutes: z.number().int().min(1).max(15).default(5),
  partners: z.array(PartnerClient).default([]),
});
export type RegionConfig = z.infer<typeof RegionConfig>;

/** The realm name of a region: its code in lower case (`RU-KEM` → `ru-kem`). */
export const realmName = (regionCode: string): string => regionCode.toLowerCase();
