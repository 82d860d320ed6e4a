import { RegionConfig } from './region-config';

/**
 * The region a development node describes itself as when no region file is given: its portal
 * at the node's own public URL, and a client for each kind of partner channel, so that every
 * flow (browser login, client credentials) works out of the box.
 */
export function developmentRegionConfig(code: string, publicUrl: string): RegionConfig {
  const base = publicUrl.replace(/\/$/, '');
  return RegionConfig.parse({
    code,
    name: { ru: `Регион ${code} (разработка)`, en: `Region ${code} (development)` },
    portal: {
      redirectUris: [`${base}/auth/callback`],
      webOrigins: [base],
      postLogoutRedirectUris: [`${base}/`],
    },
    partners: [
      { clientId: 'partner-russian-post', name: 'Russian Post', roles: ['partner-post'] },
      { clientId: 'partner-bank', name: 'Payment bank', roles: ['partner-bank'] },
      { clientId: 'mfc-cash-desk', name: 'MFC cash desks', roles: ['partner-cash-desk'] },
      {
        clientId: 'partner-mobile-sync',
        name: 'Mobile office synchroniser',
        roles: ['partner-mobile-sync'],
      },
      { clientId: 'federal-hub', name: 'Federal hub', roles: ['partner-federal-hub'] },
    ],
  });
}
