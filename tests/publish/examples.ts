// The bundled example records, loaded once per test file, and the texts that must never reach
// a public output: drill updates, internal incidents and near-misses, internal timelines,
// postmortems that are internal or unpublished.
import { validateRepository } from "../../scripts/validate/validate.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";

export const EXAMPLE_NOW = new Date("2026-11-22T05:00:00Z");

export function loadExamples(now = EXAMPLE_NOW): Repository {
  const { repository, diagnostics } = validateRepository(exampleOrgRoot, { now });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`example records have errors: ${errors.map((e) => e.message).join("; ")}`);
  return repository;
}

/** Strings taken from internal parts of the examples; none may appear in a public output. */
export const INTERNAL_TEXTS = [
  "[DRILL]",
  "Game day: evacuate checkout",
  "2026-08-30-gameday-region-evacuation",
  "API certificate nearly expired",
  "2026-07-22-certificate-expiry-near-miss",
  "Nightly reconciliation files late for finance",
  "2026-09-24-reconciliation-job-delay",
  "INTERNAL:",
  "PaymentsDbReplicationLagHigh",
  "Go/no-go call",
];
