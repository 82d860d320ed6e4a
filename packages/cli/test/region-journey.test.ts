import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  passwordGrantToken,
  pkcePair,
  startNodeProcess,
  type NodeProcess,
} from '@okno/testing';
import { readPacks } from '@okno/region-pack';
import { okno } from './okno-cli';

// A second region on a node of its own, as its IT team would stand it up: the committed
// regions/ru-tom pack imported with the federal pack into a fresh RU-TOM node, then a whole
// journey by its own people.
const pack = fileURLToPath(new URL('../../../regions/ru-tom', import.meta.url));
const federalPack = fileURLToPath(new URL('../../../regions/federal', import.meta.url));
const nodeMain = fileURLToPath(new URL('../../../apps/node/src/main.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'okno-ru-tom-'));
let node: NodeProcess;
/** The CLI's flags for this node, as its first administrator. */
const asAdministrator = () => ['--url', node.url, '--username', 'admin', '--password', 'admin'];

beforeAll(async () => {
  node = await startNodeProcess(
    {
      OKNO_REGION: 'RU-TOM',
      OKNO_TIME_ZONE: 'Asia/Tomsk',
      // Demo data left on, as a development node has it: it is the demo region's, not loaded.
      OKNO_CALENDAR_FILE: join(pack, 'calendar.yaml'),
      OKNO_DATA_DIR: join(work, 'data'),
      NODE_ENV: 'development',
    },
    nodeMain,
  );
  const run = await okno(['region', 'import', pack, ...asAdministrator()]);
  if (run.code !== 0) throw new Error(`import failed: ${run.stderr}`);
}, 120_000);
afterAll(async () => {
  node?.child.kill('SIGTERM');
  await node?.exited;
  rmSync(work, { recursive: true, force: true });
});

const tokenOf = async (username: string) =>
  passwordGrantToken(`${node.url}/realms/ru-tom/protocol/openid-connect/token`, username, username);
async function as(username: string, method: string, path: string, body?: unknown) {
  const token = await tokenOf(username);
  if (!token) throw new Error(`${username} cannot sign in`);
  return fetch(`${node.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
const codesOf = async (path: string) =>
  ((await (await fetch(`${node.url}${path}`)).json()) as { items: { code: string }[] }).items.map(
    (i) => i.code,
  );

describe('a RU-TOM node stood up from its pack', () => {
  it("holds the region's catalogue and people, and nothing of the demo region", async () => {
    const [tom, federal] = readPacks([pack, federalPack]).packs ?? [];
    const agencies = (await (
      await fetch(`${node.url}/api/catalogue/agencies?limit=100`)
    ).json()) as {
      items: { code: string; name: { ru: string; en: string } }[];
    };
    expect(agencies.items.map((a) => a.code).sort()).toEqual(
      (tom?.agencies ?? []).map((a) => a.code).sort(),
    );
    expect(JSON.stringify(agencies.items)).not.toMatch(/Кемеров|Кузбас|Kemerovo|Kuzbass/);
    expect((await codesOf('/api/catalogue/offices?limit=100')).sort()).toEqual([
      'tom-mfc-central',
      'tom-social-reception',
    ]);
    // The region's own service and every federal one, each at the region's office of its agency.
    expect((await codesOf('/api/catalogue/services?limit=100')).sort()).toEqual(
      [...(tom?.services ?? []), ...(federal?.services ?? [])].map((s) => s.code).sort(),
    );
    for (const demo of ['admin1', 'counter1', 'officer1', 'citizen1']) {
      expect(await tokenOf(demo), demo).toBeUndefined();
    }
    // The sign-in page the portal sends people to lists whom to try: the region's own.
    const browser = new BrowserSession();
    const query = new URLSearchParams({
      client_id: 'okno-portal',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${node.url}/auth/callback`,
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const start = await browser.request(
      `${node.url}/realms/ru-tom/protocol/openid-connect/auth?${query.toString()}`,
    );
    const login = (await browser.follow(start, `${node.url}/auth/callback`)).res;
    expect(login.status).toBe(200);
    const page = await login.text();
    expect(page).toContain('tom-counter');
    expect(page).not.toMatch(/kemerovo|Кемерово|counter1/i);
  });

  it('takes a citizen from the catalogue to a decision by the agency that owns the service', async () => {
    const draft = await as('tom-citizen', 'POST', '/api/applications/applications', {
      serviceCode: 'tom-large-family-status',
      formData: { fullName: 'Дарья Ломова', children: 3 },
    });
    expect(draft.status, await draft.clone().text()).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    const steps = (who: string, body: object) =>
      as(who, 'POST', `/api/applications/applications/${id}/steps`, body);
    const submitted = (await (await steps('tom-citizen', { step: 'submit' })).json()) as {
      number: string;
      status: string;
    };
    expect(submitted.status).toBe('submitted');
    expect(submitted.number).toMatch(/^TOM-\d{4}-\d{7}$/);

    const queue = (await (
      await as('tom-social-officer', 'GET', '/api/applications/queue')
    ).json()) as {
      items: { id: string }[];
    };
    expect(queue.items.map((i) => i.id)).toContain(id);
    for (const step of ['register', 'review']) {
      const res = await steps('tom-social-officer', { step });
      expect(res.status, `${step}: ${await res.clone().text()}`).toBe(200);
    }
    const decided = await steps('tom-social-officer', { step: 'decide', outcome: 'approved' });
    expect(decided.status, await decided.clone().text()).toBe(200);
    expect(((await decided.json()) as { status: string }).status).toBe('decided');

    const mine = (await (
      await as('tom-citizen', 'GET', `/api/applications/applications/${id}`)
    ).json()) as {
      status: string;
    };
    expect(mine.status).toBe('decided');
  });

  it("exports the region's own services only: the federal ones stay the federal pack's", async () => {
    const exported = join(work, 'exported', 'ru-tom');
    const run = await okno(['region', 'export', exported, ...asAdministrator()]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(exported, 'services'))).toEqual(['tom-large-family-status.yaml']);
  });
});
