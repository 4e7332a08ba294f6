// Every error class sitrep throws on purpose, in one module. Library code throws these; only
// scripts/cli.ts (and the site build, site/data/build-failure.ts) turn them into output and exit
// codes, recognising them with `instanceof SitrepError`. Anything else is a bug in sitrep.
// This module sits below everything (docs/architecture.md, "Module map"): an error carries its
// diagnostics as data, and the printers (cli.ts, site/data/build-failure.ts) format them.
import type { Diagnostic } from "./core/diagnostic.ts";

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

/** Consumers (site, metrics, sync) need valid records: thrown with every error the validator found (printed after the message). */
export class InvalidRecordsError extends SitrepError {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`The records have ${diagnostics.length} error(s):`, {
      hint: "Fix them (run `npx sitrep validate` for the full report), then try again.",
      exitCode: 1,
    });
    this.name = "InvalidRecordsError";
    this.diagnostics = diagnostics;
  }
}

/** An authoring command refused to write a change that would not validate (its diagnostics printed after the message). */
export class RejectedChangeError extends SitrepError {
  readonly diagnostics: Diagnostic[];
  constructor(what: string, diagnostics: Diagnostic[]) {
    super(`Nothing was written: ${what} would not validate (positions are in the file as it would have been):`, {
      hint: "Correct the flags named above and run the command again.",
      exitCode: 1,
    });
    this.name = "RejectedChangeError";
    this.diagnostics = diagnostics;
  }
}

export const SHALLOW_HINT =
  "Fetch the full history: in GitHub Actions set `fetch-depth: 0` on actions/checkout; locally run `git fetch --unshallow`.";

/** History is needed but the records root is not in a git work tree. */
export class NotAGitRepositoryError extends SitrepError {
  constructor(root: string) {
    super(`${root} is not inside a git repository, so there is no history to read.`, {
      hint: "Run this in a clone of your records repository (git history is where declaration, status-change and action-item dates come from).",
    });
    this.name = "NotAGitRepositoryError";
  }
}

/** History is needed but the repository has no commit yet. */
export class NoCommitsError extends SitrepError {
  constructor(root: string) {
    super(`The git repository at ${root} has no commits yet, so there is no history to read.`, {
      hint: "Commit the records first (`git add . && git commit`), then run this again.",
    });
    this.name = "NoCommitsError";
  }
}

/** History is needed but cut off: dates derived from it would be wrong. */
export class ShallowCloneError extends SitrepError {
  constructor(root: string) {
    super(`${root} is a shallow clone: its git history is cut off, so dates derived from it would be wrong.`, {
      hint: SHALLOW_HINT,
      exitCode: 2,
    });
    this.name = "ShallowCloneError";
  }
}

/** True for the errors that mean "no usable history here" (as opposed to git failing). */
export function isHistoryUnavailable(error: unknown): error is SitrepError {
  return error instanceof NotAGitRepositoryError || error instanceof NoCommitsError || error instanceof ShallowCloneError;
}
