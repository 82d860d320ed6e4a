import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmptyPostgresDatabase,
  createTestIssuer,
  testDatabaseUrl,
  type TestIssuer,
} from '@okno/testing';
import { freePort, serviceMain, startNodeProcess, type NodeProcess } from './node-process';

// One process per service is the distributed profile, where every process shares one
// PostgreSQL. The embedded PGlite folder belongs to one process, so this runs on PostgreSQL.
describe.skipIf(!testDatabaseUrl)('services run as their own processes on one PostgreSQL', () => {
  let issuer: TestIssuer;
  let drop: () => Promise<void>;
  let catalogue: NodeProcess;
  let applications: NodeProcess;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    const database = await createEmptyPostgresDatabase();
    drop = () => database.drop();
    const env = {
      DATABASE_URL: database.url,
      OIDC_ISSUER: issuer.issuer,
      OIDC_JWKS_URL: issuer.jwksUrl,
      OIDC_AUDIENCE: issuer.audience,
      OKNO_REGION: issuer.region,
      OKNO_DEMO_DATA: 'true',
    };
    // Started together: both migrate the same empty database at once, which the migration
    // lock must serialise. Applications reads the catalogue over HTTP, at its port.
    const cataloguePort = await freePort();
    [catalogue, applications] = await Promise.all([
      startNodeProcess(env, serviceMain('catalogue'), cataloguePort),
      startNodeProcess(
        { ...env, OKNO_SERVICE_URLS: `catalogue=http://127.0.0.1:${cataloguePort}` },
        serviceMain('applications'),
      ),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const process of [catalogue, applications]) {
      process.child.kill('SIGTERM');
      await process.exited;
    }
    await issuer.close();
    await drop();
  });

  it('each process serves its own service and says so in /info', async () => {
    const info = (await (await fetch(`${catalogue.url}/info`)).json()) as {
      services: { name: string }[];
    };
    expect(info.services.map((s) => s.name)).toEqual(['catalogue']);

    const service = await fetch(`${catalogue.url}/api/catalogue/services/school-enrolment`);
    expect(service.status, catalogue.output()).toBe(200);
    expect(await service.text()).toContain('"school-enrolment"');
    expect((await fetch(`${catalogue.url}/api/applications/healthz`)).status).toBe(404);
  });

  it('the applications process files an application under the catalogue process’s version', async () => {
    const token = await issuer.sign({ sub: 'citizen-split', roles: ['citizen'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${applications.url}/api/applications/applications`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        serviceCode: 'unified-child-allowance',
        formData: { fullName: 'Анна Петрова' },
      }),
    });
    expect(created.status, applications.output()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${applications.url}/api/applications/applications/${id}`, {
      headers,
    });
    expect(await read.json()).toMatchObject({
      id,
      service: { code: 'unified-child-allowance', version: 1 },
      formData: { fullName: 'Анна Петрова' },
    });
  });
});
