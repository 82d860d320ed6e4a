import { check } from 'k6';
import type { Options } from 'k6/options';
import { applicationUrl, createDraft, queueUrl, takeStep } from '../lib/applications.ts';
import { personToken } from '../lib/auth.ts';
import { freshKey } from '../lib/keys.ts';
import { getAs } from '../lib/requests.ts';
import { arrivals } from '../lib/scenario.ts';
import { thresholdsFor } from '../lib/thresholds.ts';

/**
 * The back office at work: a family applies for the large-family certificate, the officer of
 * social protection registers it (the node asks the registries for the birth and residence
 * records, which the demo registries answer after a few seconds), reads the queue, and approves
 * the oldest one whose answers are in. Needs a development node (the demo registries and people).
 */
export const options: Options = {
  scenarios: { process: arrivals({ rate: 10, seconds: 60 }) },
  thresholds: thresholdsFor(['process'], { p95: 300, p99: 800 }),
};

export function setup() {
  return { citizen: personToken('citizen1'), officer: personToken('officer1') };
}

const form = {
  fullName: 'Анна Петрова',
  childrenCount: 3,
  address: 'г. Кемерово, ул. Ленина, д. 1, кв. 1',
};

/** What this VU's officer registered and has not decided yet (k6 keeps it per VU). */
const awaiting: string[] = [];

export default function processOne(tokens: { citizen: string; officer: string }) {
  const draft = createDraft(tokens.citizen, 'large-family-status', form, freshKey('draft'));
  if (!check(draft, { 'the family applies': (r) => r.status === 201 })) return;
  const id = draft.json('id') as string;
  const submitted = takeStep(tokens.citizen, id, { step: 'submit' }, freshKey('submit'));
  if (!check(submitted, { 'and submits': (r) => r.status === 200 })) return;
  const registered = takeStep(tokens.officer, id, { step: 'register' }, freshKey('register'));
  if (check(registered, { 'the officer registers it': (r) => r.status === 200 })) awaiting.push(id);

  const queue = getAs(`${queueUrl}?limit=20&sort=due`, tokens.officer, 'queue');
  check(queue, { 'the queue answers': (r) => r.status === 200 });
  // Decide the oldest one the registries have answered for; the rest wait for a later turn.
  const oldest = awaiting[0];
  if (!oldest) return;
  const current = getAs(applicationUrl(oldest), tokens.officer, 'status');
  if (current.status !== 200 || current.json('status') !== 'in-review') return;
  awaiting.shift();
  const decided = takeStep(
    tokens.officer,
    oldest,
    { step: 'decide', outcome: 'approved' },
    freshKey('decide'),
  );
  check(decided, { 'and approves it': (r) => r.status === 200 && r.json('status') === 'decided' });
}
