import { check } from 'k6';
import type { Options } from 'k6/options';
import { applicationUrl, createDraft, takeStep } from '../lib/applications.ts';
import { personToken } from '../lib/auth.ts';
import { baseUrl } from '../lib/config.ts';
import { freshKey } from '../lib/keys.ts';
import { getAs } from '../lib/requests.ts';
import { arrivals } from '../lib/scenario.ts';
import { thresholdsFor } from '../lib/thresholds.ts';

/**
 * A parent applies on the portal: reads the service, saves a draft, submits it (each with an
 * Idempotency-Key, as the portal sends them) and checks its status.
 */
export const options: Options = {
  scenarios: { apply: arrivals({ rate: 50, seconds: 60 }) },
  thresholds: thresholdsFor(['apply'], { p95: 300, p99: 800 }),
};

export function setup() {
  return { citizen: personToken('citizen1') };
}

export const schoolEnrolment = (i: number) => ({
  fullName: 'Анна Петрова',
  childName: `Иван Петров ${i}`,
  childBirthDate: '2019-05-01',
  school: 'МБОУ «Средняя общеобразовательная школа № 1»',
});

export default function apply({ citizen }: { citizen: string }) {
  const service = getAs(`${baseUrl}/api/catalogue/services/school-enrolment`, undefined, 'service');
  check(service, { 'the service is published': (r) => r.status === 200 });
  const draft = createDraft(
    citizen,
    'school-enrolment',
    schoolEnrolment(__ITER),
    freshKey('draft'),
  );
  if (!check(draft, { 'the draft is saved': (r) => r.status === 201 })) return;
  const id = draft.json('id') as string;
  const submitted = takeStep(citizen, id, { step: 'submit' }, freshKey('submit'));
  check(submitted, {
    'the application is submitted with a number': (r) =>
      r.status === 200 && /^KEM-\d{4}-\d{7}$/.test(r.json('number') as string),
  });
  const status = getAs(applicationUrl(id), citizen, 'status');
  check(status, { 'its status is readable': (r) => r.status === 200 });
}
