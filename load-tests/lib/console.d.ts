// k6 provides `console` (its log goes where `--console-output` says); @types/k6 does not declare it.
declare const console: { log(...values: unknown[]): void };
