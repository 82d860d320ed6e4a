import { catalogueService } from '@okno/catalogue';
import { applicationsService } from '@okno/applications';
import { generateDataKey, keyring } from '@okno/crypto';
import type { DatabaseHandle } from '@okno/db';
import { createLogger } from '@okno/http';
import { createNodeApp } from '@okno/runtime';
import { createTestIssuer, testRegion } from '@okno/testing';
import { keyedPost } from './keyed-post';

/**
 * The node's own composition of the catalogue and applications over `handle`, served in
 * process, with a test issuer's tokens: for tools that need real submissions without a server
 * (the SQL `pnpm bench` replays, the rush check's test).
 */
export async function enrolmentNode(handle: DatabaseHandle) {
  const issuer = await createTestIssuer();
  const app = createNodeApp({
    region: testRegion(issuer.region),
    nodeVersion: 'bench',
    services: [catalogueService, applicationsService],
    database: handle,
    verifier: issuer.verifier(),
    keyring: keyring([generateDataKey('bench')]),
    logger: createLogger({ name: 'bench', level: 'silent' }),
  });
  const token = await issuer.sign({ sub: 'bench-parent', roles: ['citizen'] });

  /** A parent's POST to the applications service with an Idempotency-Key; throws unless 2xx. */
  const post = (path: string, body: unknown, key: string) =>
    keyedPost<{ id: string; number: string | null }>(
      app,
      token,
      `/api/applications${path}`,
      body,
      key,
    );

  /** A complete school-enrolment draft, as the portal saves it. */
  const draft = (i: number, key: string) =>
    post('/applications', { serviceCode: 'school-enrolment', formData: enrolmentForm(i) }, key);
  const submit = (id: string, key: string) =>
    post(`/applications/${id}/steps`, { step: 'submit' }, key);

  return { draft, submit, close: () => issuer.close() };
}

export const enrolmentForm = (i: number) => ({
  fullName: 'Анна Петрова',
  childName: `Иван Петров ${i}`,
  childBirthDate: '2019-05-01',
  school: 'МБОУ «Средняя общеобразовательная школа № 1»',
});
