// Check, then write: the one path by which authoring commands change files. A change that
// would introduce a validation error is refused with the diagnostics, and nothing is written.
import { SitrepError } from "../errors.ts";
import type { Diagnostic } from "../validate/diagnostic.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import type { ValidationResult } from "../validate/validate.ts";
import { checkChanges } from "./check-changes.ts";
import type { FileChange } from "./file-change.ts";
import { writeChanges } from "./write-changes.ts";

export class RejectedChangeError extends SitrepError {
  readonly diagnostics: Diagnostic[];
  constructor(what: string, diagnostics: Diagnostic[]) {
    super(`Nothing was written: ${what} would not validate (positions are in the file as it would have been).\n\n${formatPretty(diagnostics, { color: false })}`, {
      hint: "Correct the flags named above and run the command again.",
      exitCode: 1,
    });
    this.name = "RejectedChangeError";
    this.diagnostics = diagnostics;
  }
}

export function commitChanges(context: { root: string; now: Date }, changes: FileChange[], what: string, scope: "changed" | "all" = "changed"): { warnings: Diagnostic[]; after: ValidationResult } {
  const { errors, warnings, after } = checkChanges(context.root, changes, { now: context.now, scope });
  if (errors.length > 0) throw new RejectedChangeError(what, errors);
  writeChanges(context.root, changes);
  return { warnings, after };
}
