// Check, then write: the one path by which authoring commands change files. A change that
// would introduce a validation error is refused with the diagnostics, and nothing is written.
import { RejectedChangeError } from "../../errors.ts";
import type { Diagnostic } from "../../core/diagnostic.ts";
import type { ValidationResult } from "../../validate/validate.ts";
import type { Config } from "../../records/record-types.ts";
import { checkChanges } from "./check-changes.ts";
import type { FileChange } from "./file-change.ts";
import { writeChanges } from "./write-changes.ts";

export function checkThenWrite(
  context: { root: string; now: Date; config?: Config },
  changes: FileChange[],
  what: string,
  scope: "changed" | "all" = "changed",
): { warnings: Diagnostic[]; after: ValidationResult } {
  const { errors, warnings, after } = checkChanges(context.root, changes, { now: context.now, scope, config: context.config });
  if (errors.length > 0) throw new RejectedChangeError(what, errors);
  writeChanges(context.root, changes);
  return { warnings, after };
}
