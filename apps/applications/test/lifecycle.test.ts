import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clockRunsIn,
  lifecycleDiagram,
  stepNames,
  statuses,
  steps,
  stepsFrom,
  takeStep,
  type Status,
} from '../src/model/lifecycle';

describe('the application lifecycle', () => {
  it('walks from draft to issued', () => {
    let status: Status = 'draft';
    for (const step of [
      'submit',
      'register',
      'review',
      'decide',
      'result-ready',
      'issue',
    ] as const) {
      const outcome = takeStep(status, step);
      expect(outcome.ok, `${step} from ${status}`).toBe(true);
      if (outcome.ok) status = outcome.to;
    }
    expect(status).toBe('issued');
  });

  it('refuses every step not in the table, saying from where it could be taken', () => {
    let refused = 0;
    for (const status of statuses) {
      for (const step of stepNames) {
        const outcome = takeStep(status, step);
        const allowed = (steps[step].from as readonly string[]).includes(status);
        expect(outcome.ok, `${step} from ${status}`).toBe(allowed);
        if (!outcome.ok) {
          refused++;
          expect(outcome.reason).toContain(status);
        }
      }
    }
    expect(refused).toBeGreaterThan(statuses.length * 8);
    const late = takeStep('issued', 'withdraw');
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.reason).toContain('only one that is draft or submitted');
  });

  it('ends in issued or withdrawn, and nothing leaves those', () => {
    expect(stepsFrom('issued')).toEqual([]);
    expect(stepsFrom('withdrawn')).toEqual([]);
    // A decision cannot be withdrawn by the applicant, but a draft can.
    expect(stepsFrom('decided')).toEqual(['dispatch-result', 'result-ready']);
    expect(stepsFrom('draft')).toEqual(['submit', 'withdraw']);
  });

  it('runs the legal clock only between registration and decision, never while the applicant is asked', () => {
    expect(statuses.filter(clockRunsIn)).toEqual([
      'registered',
      'in-review',
      'awaiting-registries',
    ]);
  });

  it('is drawn in docs/applications.md exactly as the code has it', () => {
    const docs = readFileSync(new URL('../../../docs/applications.md', import.meta.url), 'utf8');
    expect(docs).toContain(`\`\`\`mermaid\n${lifecycleDiagram()}\n\`\`\``);
  });
});
