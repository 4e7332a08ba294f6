// For consumers (site, metrics, sync): the repository, or an InvalidRecordsError listing every
// error. It sits on top of validate/ (not in records/, the loader) because "valid" includes the
// cross-record rules: a site must not be built from records that contradict each other.
import { InvalidRecordsError } from "../errors.ts";
import type { Repository } from "../records/record-types.ts";
import { validateRepository } from "./validate.ts";
import type { Schedule } from "../oncall/schedule.ts";

/** Loads and validates; throws InvalidRecordsError when any record has an error (warnings pass). */
export function loadRepository(root: string, options: { now: Date }): Repository {
  return loadRepositoryAndSchedules(root, options).repository;
}

/** The same, with the on-call schedules validate read beside the records (oncall/*.yaml). */
export function loadRepositoryAndSchedules(root: string, options: { now: Date }): { repository: Repository; schedules: Schedule[] } {
  const { repository, schedules, diagnostics } = validateRepository(root, options);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidRecordsError(errors);
  return { repository, schedules };
}
