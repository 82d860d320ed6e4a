import { SingleBar } from 'cli-progress';

/** How a long command shows that it is moving: a bar on a terminal, a line a step otherwise. */
export interface Progress {
  start(total: number): void;
  advance(by: number, step: string): void;
  stop(): void;
}

export function progressFor(stream: NodeJS.WriteStream): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: '{bar} {percentage}% | {value}/{total} | {step}',
      hideCursor: true,
      clearOnComplete: false,
    });
    return {
      start: (total) => bar.start(total, 0, { step: '' }),
      advance: (by, step) => bar.increment(by, { step }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  return {
    start: (t) => {
      total = t;
    },
    advance: (by, step) => {
      done += by;
      stream.write(`${step}: ${done}/${total}\n`);
    },
    stop: () => undefined,
  };
}
