/**
 * An application's lifecycle as one table: which step leads from which statuses to which.
 * Pure: the service layer decides who may take a step (roles, ownership, agency); this decides
 * only whether the step makes sense now. docs/applications.md draws this table (and a test
 * keeps the drawing true).
 */
export const statuses = [
  'draft',
  'submitted',
  'registered',
  'in-review',
  'awaiting-registries',
  'awaiting-applicant',
  'decided',
  'result-in-transit',
  'result-ready',
  'issued',
  'withdrawn',
] as const;
export type Status = (typeof statuses)[number];

/** Applicants may withdraw until a decision is taken. */
const decidedOrAfter: readonly Status[] = [
  'decided',
  'result-in-transit',
  'result-ready',
  'issued',
  'withdrawn',
];
const withdrawable = statuses.filter((status) => !decidedOrAfter.includes(status));

export const steps = {
  /** The applicant (or an officer or partner for them) files the complete application. */
  submit: { from: ['draft'], to: 'submitted' },
  /** The agency accepts it for consideration: the legal deadline starts the next day. */
  register: { from: ['submitted'], to: 'registered' },
  /** Inter-agency requests are out for documents the state holds (the once-only rule). */
  'await-registries': { from: ['registered', 'in-review'], to: 'awaiting-registries' },
  /** Every registry has answered. */
  'registries-answered': { from: ['awaiting-registries'], to: 'in-review' },
  /** An officer starts the review. */
  review: { from: ['registered'], to: 'in-review' },
  /** The officer needs something only the applicant can give: the clock stops. */
  'request-information': { from: ['in-review'], to: 'awaiting-applicant' },
  /** The applicant answered: the clock runs again. */
  'provide-information': { from: ['awaiting-applicant'], to: 'in-review' },
  /** Approved, or refused with a reason. */
  decide: { from: ['in-review'], to: 'decided' },
  /** The agency sends the result on its way to the office where the applicant collects it. */
  'dispatch-result': { from: ['decided'], to: 'result-in-transit' },
  /**
   * The result is ready: received at the collection office (or made ready by the agency, for
   * its own office or the portal).
   */
  'result-ready': { from: ['decided', 'result-in-transit'], to: 'result-ready' },
  /** Handed over (or, on the portal, delivered to the applicant's account). */
  issue: { from: ['result-ready'], to: 'issued' },
  withdraw: { from: withdrawable, to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status }>;
export type Step = keyof typeof steps;
export const stepNames = Object.keys(steps) as Step[];

export type StepOutcome = { ok: true; to: Status } | { ok: false; reason: string };

/** Where `step` leads from `status`, or why it cannot be taken now. */
export function takeStep(status: Status, step: Step): StepOutcome {
  const { from, to } = steps[step];
  if ((from as readonly Status[]).includes(status)) return { ok: true, to };
  return {
    ok: false,
    reason: `An application that is ${status} cannot ${step}: only one that is ${from.join(' or ')}.`,
  };
}

/** The steps that can be taken from a status, for clients to offer only those. */
export const stepsFrom = (status: Status): Step[] =>
  stepNames.filter((step) => (steps[step].from as readonly Status[]).includes(status));

/** Statuses the legal clock runs in: from registration until the decision. */
export const clockRunsIn = (status: Status): boolean =>
  status === 'registered' || status === 'in-review' || status === 'awaiting-registries';

/** The lifecycle as a Mermaid state diagram (docs/applications.md). */
export function lifecycleDiagram(): string {
  // Mermaid state ids cannot hold dashes: in_review, labelled "in-review".
  const id = (status: Status) => status.replaceAll('-', '_');
  const lines = ['stateDiagram-v2'];
  for (const status of statuses) {
    if (status.includes('-')) lines.push(`    state "${status}" as ${id(status)}`);
  }
  lines.push('    [*] --> draft');
  for (const step of stepNames) {
    for (const from of steps[step].from) {
      lines.push(`    ${id(from)} --> ${id(steps[step].to)}: ${step}`);
    }
  }
  lines.push('    issued --> [*]', '    withdrawn --> [*]');
  return lines.join('\n');
}
