/** Where a command writes; injected so commands never touch process streams directly. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
/** `check` found an error-severity diagnostic. */
export const EXIT_PROBLEMS = 1;
/** A usage error, or a file that could not be read or written. */
export const EXIT_FAILURE = 2;

/** A failure the user can act on: reported as one line on stderr, exit status 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** For usage errors, the command line that explains usage, e.g. `isnad check --help`. */
    readonly usageHint?: string,
  ) {
    super(message);
  }
}

/** An I/O error's message without the syscall and paths Node appends (the caller names the file). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message.replace(/, \w+(?: '[^]*')?$/, '') : String(error);
}
