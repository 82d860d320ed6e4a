import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, createRemoteJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError } from './auth-error';
import { createJwtVerifier, type TokenVerifier } from './token-verifier';

// A real JWKS endpoint on loopback, as Keycloak serves one.
const issuer = 'http://issuer.test/realms/RU-KEM';
let verifier: TokenVerifier;
let sign: (claims: Record<string, unknown>, exp?: string, iss?: string) => Promise<string>;
let close: () => void;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const server = createServer((_q, r) => r.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  verifier = createJwtVerifier({
    issuer,
    audience: 'okno',
    region: 'RU-KEM',
    keys: createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/certs`)),
  });
  sign = (claims, exp = '5m', iss = issuer) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(iss)
      .setAudience('okno')
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(privateKey);
});
afterAll(() => close());

describe('createJwtVerifier', () => {
  it('accepts a valid token and reads Keycloak-style roles and officer claims', async () => {
    const token = await sign({
      sub: 'officer-1',
      region: 'RU-KEM',
      realm_access: { roles: ['back-office-officer'] },
      agency: 'social',
      office: 'mfc-1',
      azp: 'portal',
      scope: 'openid profile',
      preferred_username: 'officer1',
      typ: 'Bearer',
    });
    expect(await verifier.verify(token)).toEqual({
      subject: 'officer-1',
      region: 'RU-KEM',
      roles: ['back-office-officer'],
      scopes: ['openid', 'profile'],
      agency: 'social',
      office: 'mfc-1',
      clientId: 'portal',
      username: 'officer1',
    });
  });

  it("reads a business representative's company and flat roles", async () => {
    const token = await sign({
      sub: 'b1',
      region: 'RU-KEM',
      roles: ['business-representative'],
      company: '1024200000000',
    });
    expect(await verifier.verify(token)).toMatchObject({
      roles: ['business-representative'],
      company: '1024200000000',
      scopes: [],
    });
  });

  it('refuses an ID token presented as an access token', async () => {
    const token = await sign({ sub: 'c1', region: 'RU-KEM', typ: 'ID' });
    await expect(verifier.verify(token)).rejects.toThrow(/not an access token/);
  });

  it.each([
    ['another region', { sub: 'c1', region: 'RU-MOW' }, '5m', issuer, /another region/],
    ['no region', { sub: 'c1' }, '5m', issuer, /another region/],
    ['expired', { sub: 'c1', region: 'RU-KEM' }, '-1m', issuer, /expired/],
    ['foreign issuer', { sub: 'c1', region: 'RU-KEM' }, '5m', 'http://evil/', /"iss"/],
  ])('refuses a token from %s', async (_name, claims, exp, iss, message) => {
    const token = await sign(claims, exp, iss);
    await expect(verifier.verify(token)).rejects.toThrow(AuthenticationError);
    await expect(verifier.verify(token)).rejects.toThrow(message);
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ sub: 'c1', region: 'RU-KEM' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('okno')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(forged)).rejects.toThrow(/signature/);
  });

  it('refuses garbage', async () => {
    await expect(verifier.verify('not.a.token')).rejects.toThrow(/malformed/);
  });
});
