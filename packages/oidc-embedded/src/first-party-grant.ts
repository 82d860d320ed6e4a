import type { KoaContextWithOIDC } from 'oidc-provider';

/** The OpenID scopes a client of the realm may be granted without asking. */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

/**
 * Every client of a region's realm is the region's own (the portal, the officers' workplace),
 * so the person is never asked to consent: the grant covers what was asked, within what
 * Okno offers. This is oidc-provider's "skip consent" recipe.
 */
export async function firstPartyGrant(
  ctx: KoaContextWithOIDC,
  resource: string,
  resourceScope: string,
) {
  const { oidc } = ctx;
  const { provider } = oidc;
  const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client!.clientId);
  if (existing) return provider.Grant.find(existing);
  if (!oidc.session?.accountId) return undefined;

  const grant = new provider.Grant({
    clientId: oidc.client!.clientId,
    accountId: oidc.session.accountId,
  });
  const scope = oidc.params?.['scope'];
  const requested = typeof scope === 'string' ? scope.split(' ') : [];
  grant.addOIDCScope(OIDC_SCOPES.filter((s) => requested.includes(s)).join(' '));
  grant.addResourceScope(resource, resourceScope);
  await grant.save();
  return grant;
}
