import type Provider from 'oidc-provider';
import { errors, type ResourceServer } from 'oidc-provider';

export interface PasswordGrantOptions {
  /** The account id of the person with these credentials, if any. */
  authenticate(username: string, password: string): Promise<string | undefined>;
  resource: string;
  resourceServer: ResourceServer;
}

/**
 * The resource-owner password grant, for development scripts and load tests only (OAuth 2.1
 * dropped it for good reasons). oidc-provider leaves it out, so it is registered here as a
 * custom grant, and the embedded provider never exists in production.
 */
export function registerPasswordGrant(provider: Provider, options: PasswordGrantOptions): void {
  provider.registerGrantType(
    'password',
    async (ctx) => {
      const params = ctx.oidc.params as Record<string, unknown>;
      const { username, password } = params;
      if (typeof username !== 'string' || typeof password !== 'string') {
        throw new errors.InvalidRequest('username and password are required');
      }
      const accountId = await options.authenticate(username, password);
      if (!accountId) throw new errors.InvalidGrant('invalid username or password');
      const client = ctx.oidc.client;
      if (!client) throw new errors.InvalidClient();

      const grant = new provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(options.resource, 'okno');
      const grantId = await grant.save();

      const token = new provider.AccessToken({
        accountId,
        client,
        grantId,
        gty: 'password',
        scope: 'okno',
      });
      token.resourceServer = new provider.ResourceServer(options.resource, options.resourceServer);
      ctx.oidc.entity('AccessToken', token);
      const value = await token.save();
      ctx.body = {
        access_token: value,
        expires_in: token.expiration,
        token_type: 'Bearer',
        scope: token.scope,
      };
    },
    ['username', 'password', 'scope'],
  );
}
