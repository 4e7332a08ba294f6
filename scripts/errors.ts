// The few error classes the CLI's one top-level handler understands.
// Library code throws these; only scripts/cli.ts turns them into output and exit codes.

/** A problem the user can fix: printed as "error: <message>\n  hint: <hint>", no stack trace. */
export class SitrepError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "SitrepError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Wrong flags or arguments: exit code 2, with the command's usage line. */
export class UsageError extends SitrepError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: 2 });
    this.name = "UsageError";
  }
}
