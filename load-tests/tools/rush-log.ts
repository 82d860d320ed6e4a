import { readFileSync } from 'node:fs';

/** What the rush acknowledged to its parents, read back from k6's console log. */
export interface RushLog {
  /** Draft id → the Idempotency-Key it was created with. */
  drafts: Map<string, string>;
  /** Application id → the number its submission was acknowledged with. */
  submitted: Map<string, string>;
}

export function readRushLog(path: string): RushLog {
  const log: RushLog = { drafts: new Map(), submitted: new Map() };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as Record<string, string>;
    if (entry['draft'] && entry['key']) log.drafts.set(entry['draft'], entry['key']);
    if (entry['submitted'] && entry['number'])
      log.submitted.set(entry['submitted'], entry['number']);
  }
  return log;
}
