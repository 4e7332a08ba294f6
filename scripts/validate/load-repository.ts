// For consumers (site, metrics, sync): the repository, or a SitrepError listing every error.
import { SitrepError } from "../errors.ts";
import type { Repository } from "../records/model.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { formatPretty } from "./format-pretty.ts";
import { validateRepository } from "./validate.ts";

export class InvalidRecordsError extends SitrepError {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`The records have ${diagnostics.length} error(s):\n\n${formatPretty(diagnostics, { color: false })}`, {
      hint: "Fix them (run `npx sitrep validate` for the full report), then try again.",
      exitCode: 1,
    });
    this.name = "InvalidRecordsError";
    this.diagnostics = diagnostics;
  }
}

/** Loads and validates; throws InvalidRecordsError when any record has an error (warnings pass). */
export function loadRepository(root: string, options: { now: Date }): Repository {
  const { repository, diagnostics } = validateRepository(root, options);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidRecordsError(errors);
  return repository;
}
