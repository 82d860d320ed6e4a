import { check, sleep } from 'k6';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { applicationUrl, createDraft, takeStep } from '../lib/applications.ts';
import { personToken } from '../lib/auth.ts';
import { baseUrl } from '../lib/config.ts';
import { getAs } from '../lib/requests.ts';
import { rushPhases } from '../lib/rush-plan.ts';

/**
 * First-grade enrolment opens: parents read the service, save the application and submit it,
 * then check its status, all at once (lib/rush-plan.ts). A parent turned away with 503 waits
 * what `Retry-After` says and tries again with the same Idempotency-Key, as the portal does.
 *
 * Every acknowledged draft and submission is written to the console log (run it with
 * `--log-format raw --console-output <file>`): `load-tests/rush.sh` then proves against the
 * database that each is there exactly once.
 */
const shed = new Counter('shed_responses');
const serverErrors = new Counter('server_errors');
const unexpected = new Counter('unexpected_responses');
const gaveUp = new Counter('gave_up_after_retries');

// A 503 with Retry-After is the node doing its job under overload, not a failed request.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 503));

export const options: Options = {
  scenarios: rushPhases,
  thresholds: {
    'http_req_duration{scenario:rush}': ['p(95)<300', 'p(99)<500'],
    'http_req_duration{scenario:recovery}': ['p(95)<300', 'p(99)<500'],
    // Under three times the peak, answers (served or turned away) still come quickly.
    'http_req_duration{scenario:overload}': ['p(99)<3000'],
    http_req_failed: ['rate==0'],
    server_errors: ['count==0'],
    unexpected_responses: ['count==0'],
    // Under overload a parent who cannot even start (k6 out of VUs on the node's own two cores)
    // is counted, not failed: what is judged there is the node's answers.
    'dropped_iterations{scenario:rush}': ['count==0'],
    'dropped_iterations{scenario:recovery}': ['count==0'],
    checks: ['rate==1'],
  },
};

export function setup() {
  return { parents: [personToken('citizen1'), personToken('citizen2')] };
}

const run = __ENV['RUN_ID'] ?? `${Date.now()}`;
const record = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/** Sends, and on a 503 waits out Retry-After and sends again (the same request, the same key). */
function withRetries(send: () => RefinedResponse<ResponseType>, expected: number) {
  for (let attempt = 1; ; attempt += 1) {
    const res = send();
    if (res.status === expected) return res;
    if (res.status === 503 && res.headers['Retry-After']) {
      shed.add(1);
      if (attempt === 3) {
        gaveUp.add(1);
        return res;
      }
      sleep(Number(res.headers['Retry-After']));
      continue;
    }
    if (res.status >= 500) serverErrors.add(1);
    else unexpected.add(1);
    return res;
  }
}

export default function enrol({ parents }: { parents: string[] }) {
  const parent = parents[__VU % parents.length]!;
  const key = `rush-${run}-${__VU}-${__ITER}`;
  getAs(`${baseUrl}/api/catalogue/services/school-enrolment`, undefined, 'service');
  const form = {
    fullName: 'Анна Петрова',
    childName: `Ребёнок ${key}`,
    childBirthDate: '2019-05-01',
    school: 'МБОУ «Средняя общеобразовательная школа № 1»',
  };
  const draft = withRetries(
    () => createDraft(parent, 'school-enrolment', form, `${key}-draft`),
    201,
  );
  const told = (r: RefinedResponse<ResponseType>) =>
    r.status === 503 && Boolean(r.headers['Retry-After']);
  if (
    !check(draft, {
      'the draft is saved, or the parent is told when to come back': (r) =>
        r.status === 201 || told(r),
    }) ||
    draft.status !== 201
  ) {
    return;
  }
  const id = draft.json('id') as string;
  record({ draft: id, key: `${key}-draft` });
  const submitted = withRetries(
    () => takeStep(parent, id, { step: 'submit' }, `${key}-submit`),
    200,
  );
  check(submitted, {
    'it is submitted, or the parent is told when to come back': (r) => r.status === 200 || told(r),
  });
  if (submitted.status !== 200) return;
  record({ submitted: id, number: submitted.json('number') });
  const status = withRetries(() => getAs(applicationUrl(id), parent, 'status'), 200);
  check(status, {
    'its status reads submitted': (r) =>
      told(r) || (r.status === 200 && r.json('status') !== 'draft'),
  });
}
