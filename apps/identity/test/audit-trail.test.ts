import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkpointHolds,
  genesisHash,
  linkHash,
  sealAuditTrail,
  type TrailEvent,
} from '@okno/audit';
import { generateSigningKey } from '@okno/crypto';
import { accountStore } from '@okno/oidc-embedded/accounts';
import { demoSubject } from '@okno/realm';
import { testDatabaseKind } from '@okno/testing';
import { admin, auditor, citizen, identityHarness, type IdentityHarness } from './identity-harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await identityHarness();
});
afterAll(() => h.close());

const signingKey = generateSigningKey();
const { d: _d, ...publicKey } = signingKey;

interface Summary {
  chains: {
    context: string;
    length: number;
    headHash: string | null;
    lastCheckpoint: { seq: number; hash: string; jws: string } | null;
  }[];
  unsealed: number;
}
type LinkPage = {
  items: { seq: number; hash: string; event: TrailEvent }[];
  nextCursor: string | null;
};

describe(`the sealed audit trail for auditors on ${testDatabaseKind}`, () => {
  it('shows each chain and its signed checkpoint, and every link with its event, so an auditor can recompute it', async () => {
    const accounts = accountStore(h.handle.db);
    for (const n of [1, 2, 3]) {
      // Staff the realm has: the directory describes only those.
      await accounts.save({
        username: `trail${n}`,
        firstName: 'Анна',
        lastName: 'Лебедева',
        roles: [],
        enabled: true,
      });
      const officer = {
        username: `trail${n}`,
        displayName: 'Анна Лебедева',
        agencyCode: 'social-protection',
        officeCode: 'social-kemerovo',
        roles: ['back-office-officer'],
      };
      expect(
        (
          await h.as(admin, `/staff/${demoSubject(`trail${n}`)}`, {
            method: 'PUT',
            body: JSON.stringify(officer),
          })
        ).status,
      ).toBe(200);
    }
    const before = (await (await h.as(auditor, '/audit-trail')).json()) as Summary;
    expect(before.unsealed).toBeGreaterThanOrEqual(6);

    await sealAuditTrail(h.handle.db, { signingKeys: [signingKey] });
    const summary = (await (await h.as(auditor, '/audit-trail')).json()) as Summary;
    expect(summary.unsealed).toBe(0);
    const identity = summary.chains.find((c) => c.context === 'identity')!;
    expect(identity.length).toBeGreaterThanOrEqual(6);
    expect(identity.lastCheckpoint).toMatchObject({
      seq: identity.length,
      hash: identity.headHash,
    });
    expect(
      await checkpointHolds(
        { context: 'identity', ...identity.lastCheckpoint! },
        createLocalJWKSet({ keys: [publicKey] }),
      ),
    ).toBe(true);

    // Two links a page: the auditor walks the chain and recomputes every hash from genesis.
    let previous = genesisHash('identity');
    let cursor: string | null = null;
    let seen = 0;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (
        await h.as(auditor, `/audit-trail/identity/links?${query}`)
      ).json()) as LinkPage;
      for (const link of page.items) {
        seen += 1;
        expect(link.seq).toBe(seen);
        expect(linkHash(previous, link.event)).toBe(link.hash);
        previous = link.hash;
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBe(identity.length);
    expect(previous).toBe(identity.headHash);
  });

  it('is for auditors and administrators only, and nothing in the API writes it', async () => {
    expect((await h.as(citizen('citizen-t'), '/audit-trail')).status).toBe(403);
    expect(
      (
        await h.as(
          { sub: 'sup-1', roles: ['supervisor'], agency: 'mfc' },
          '/audit-trail/identity/links',
        )
      ).status,
    ).toBe(403);
    expect((await h.app.request('/audit-trail')).status).toBe(401);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await h.as(admin, '/audit-trail/identity/links', { method, body: '{}' });
      expect([404, 405]).toContain(res.status);
    }
    expect((await h.as(auditor, '/audit-trail/elsewhere/links')).status).toBe(400);
  });
});
