/** An error the CLI reports as one line (`error: …`) and an exit code, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** The reason of a failed file operation: its code (ENOENT, EACCES, …) or its message. */
export function fsReason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
