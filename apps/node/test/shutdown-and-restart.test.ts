import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmptyPostgresDatabase,
  createTestIssuer,
  testDatabaseKind,
  testDatabaseUrl,
  type TestIssuer,
} from '@okno/testing';
import { startNodeProcess } from './node-process';

let issuer: TestIssuer;
let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  issuer = await createTestIssuer();
  const auth = {
    OIDC_ISSUER: issuer.issuer,
    OIDC_JWKS_URL: issuer.jwksUrl,
    OIDC_AUDIENCE: issuer.audience,
    OKNO_REGION: issuer.region,
    OKNO_DEMO_DATA: 'true',
  };
  if (testDatabaseUrl) {
    const database = await createEmptyPostgresDatabase();
    env = { ...auth, DATABASE_URL: database.url };
    cleanup = () => database.drop();
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'okno-node-'));
    env = { ...auth, OKNO_DATA_DIR: dataDir };
    cleanup = () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true }));
  }
});
afterAll(async () => {
  await issuer.close();
  await cleanup();
});

/** Sends a request whose body arrives in two parts, calling `between` in the middle. */
function slowPost(url: string, token: string, body: string, between: () => Promise<void>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    between().then(
      () => req.end(body.slice(half)),
      (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

describe(`the node process on ${testDatabaseKind}`, () => {
  it('drains an in-flight request on SIGTERM, and keeps its data across a restart', async () => {
    const token = await issuer.sign({ sub: 'citizen-drain', roles: ['citizen'] });
    const first = await startNodeProcess(env);
    const body = JSON.stringify({
      serviceCode: 'school-meals-compensation',
      formData: { childName: 'Иван', school: 'Школа № 1' },
    });
    const created = await slowPost(
      `${first.url}/api/applications/applications`,
      token,
      body,
      async () => {
        await new Promise((r) => setTimeout(r, 300));
        first.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 300));
        // Draining: the listener is closed, so a new connection is refused ...
        await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();
      },
    );
    // ... but the request already in flight completes.
    expect(created.status, first.output()).toBe(201);
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toMatch(/draining in-flight requests/);
    const { id } = JSON.parse(created.body) as { id: string };

    const second = await startNodeProcess(env);
    try {
      const res = await fetch(`${second.url}/api/applications/applications/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, second.output()).toBe(200);
      expect(await res.json()).toMatchObject({ id, formData: { childName: 'Иван' } });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);

  it('refuses to start with invalid configuration, naming the variable', async () => {
    await expect(startNodeProcess({ ...env, OKNO_REGION: 'nowhere' })).rejects.toThrow(
      /OKNO_REGION/,
    );
  }, 60_000);
});
