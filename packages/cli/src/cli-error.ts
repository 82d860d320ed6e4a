/**
 * A mistake the person at the terminal can mend (a wrong flag, a bad file, a node that is not
 * running): printed as its message alone, never as a stack trace, with exit code 2.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
