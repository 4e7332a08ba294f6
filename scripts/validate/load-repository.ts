// For consumers (site, metrics, sync): the repository, or an InvalidRecordsError listing every
// error. It sits on top of validate/ (not in records/, the loader) because "valid" includes the
// cross-record rules: a site must not be built from records that contradict each other.
import { InvalidRecordsError } from "../errors.ts";
import type { Repository } from "../records/model.ts";
import { validateRepository } from "./validate.ts";

/** Loads and validates; throws InvalidRecordsError when any record has an error (warnings pass). */
export function loadRepository(root: string, options: { now: Date }): Repository {
  const { repository, diagnostics } = validateRepository(root, options);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidRecordsError(errors);
  return repository;
}
