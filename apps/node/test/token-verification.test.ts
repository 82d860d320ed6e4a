import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeProcess, type NodeProcess } from './node-process';
import { browserSignIn } from './tokens/browser-sign-in';
import { embeddedTokens } from './tokens/embedded-tokens';
import { forgedTokens } from './tokens/forged-tokens';
import { keycloakTokens } from './tokens/keycloak-tokens';
import type { TokenSource } from './tokens/token-source';

// A node must accept exactly the right tokens whichever provider issued them: the embedded
// provider a development node serves itself, and a real Keycloak that imported the generated
// realm (when CI started one: TEST_KEYCLOAK_URL). The same cases run against both.

interface Provider {
  /** Starts a node trusting the provider and returns it with the provider's tokens. */
  start(dataDir: string): Promise<{ node: NodeProcess; tokens: TokenSource }>;
}

const embedded: Provider = {
  async start(dataDir) {
    const node = await startNodeProcess({ OKNO_DATA_DIR: dataDir });
    return { node, tokens: embeddedTokens(node.url, dataDir) };
  },
};

const keycloakUrl = process.env['TEST_KEYCLOAK_URL'];
const keycloak: Provider = {
  async start(dataDir) {
    const tokens = await keycloakTokens(
      {
        url: keycloakUrl ?? '',
        adminUser: process.env['TEST_KEYCLOAK_ADMIN'] ?? '',
        adminPassword: process.env['TEST_KEYCLOAK_ADMIN_PASSWORD'] ?? '',
      },
      'ru-kem',
      'RU-KEM',
    );
    const node = await startNodeProcess({
      OKNO_DATA_DIR: dataDir,
      OIDC_ISSUER: `${keycloakUrl}/realms/ru-kem`,
    });
    return { node, tokens };
  },
};

describe('tokens of the embedded OpenID provider', () => verifiesTokensOf(embedded));
describe.skipIf(!keycloakUrl)('tokens of Keycloak', () => verifiesTokensOf(keycloak));

function verifiesTokensOf(provider: Provider) {
  let dataDir: string;
  let node: NodeProcess;
  let tokens: TokenSource;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'okno-tokens-'));
    ({ node, tokens } = await provider.start(dataDir));
  });
  afterAll(async () => {
    node.child.kill('SIGTERM');
    await node.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const me = (token: string) => fetch(`${node.url}/api/identity/me`, bearer(token));

  async function expectRefused(token: string, reason: RegExp) {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toBe('urn:okno:problem:unauthenticated');
    expect(problem.detail).toMatch(reason);
  }

  it('accepts a person signed in with the password grant, with their roles and office', async () => {
    const res = await me(await tokens.person('counter1'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      region: 'RU-KEM',
      roles: ['mfc-officer'],
      agency: 'mfc',
      office: 'mfc-kemerovo-central',
    });
  });

  it('accepts a person signed in through the browser: authorization code with PKCE', async () => {
    const res = await me(await browserSignIn(tokens, 'officer2'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      roles: ['back-office-officer'],
      agency: 'civil-registry',
      office: 'zags-kemerovo',
    });
  });

  it('accepts a partner system signed in with client credentials', async () => {
    const res = await me(await tokens.partner('partner-bank'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ region: 'RU-KEM', roles: ['partner-bank'] });
  });

  it('refuses a token without an audience, or for another audience', async () => {
    await expectRefused(await tokens.withoutAudience(), /"aud"/);
    await expectRefused(await tokens.otherAudience(), /"aud"/);
  });

  it('refuses a token of another issuer', async () => {
    await expectRefused(await tokens.otherIssuer(), /"iss"/);
  });

  it('refuses a token issued for another region', async () => {
    await expectRefused(await tokens.otherRegion(), /another region/);
  });

  it('refuses an expired token', async () => {
    await expectRefused(await tokens.expired(), /expired/);
  });

  it("records refused tokens and roles in the region's audit trail", async () => {
    await me(await tokens.otherAudience());
    const citizen = await tokens.person('citizen2');
    expect((await fetch(`${node.url}/api/identity/staff`, bearer(citizen))).status).toBe(403);
    const auditor = await tokens.person('auditor1');
    const denials = async () => {
      const res = await fetch(
        `${node.url}/api/identity/audit-events?kind=access-denied`,
        bearer(auditor),
      );
      return ((await res.json()) as { items: { target: string; details: { status: number } }[] })
        .items;
    };
    await expect.poll(denials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          target: '/api/identity/me',
          details: expect.objectContaining({ status: 401 }) as unknown,
        }),
        expect.objectContaining({
          target: '/api/identity/staff',
          details: expect.objectContaining({ status: 403 }) as unknown,
        }),
      ]),
    );
  });

  it('refuses forgeries: alg none, HMAC keyed with the public key, an unknown key id', async () => {
    const forged = await forgedTokens(await tokens.person('citizen1'), tokens.jwksUrl);
    await expectRefused(forged.algNone, /algorithm/);
    await expectRefused(forged.hmacWithPublicKey, /algorithm/);
    await expectRefused(forged.unknownKeyId, /unknown key/);
  });
}
