// The example organisation (the fictional company Lumen) as a fixture under
// tests/fixtures/example-org/, for tests and the bench alike — never the records at the
// repository root: those are the template's examples, which `sitrep init` replaces with the
// adopter's own (issue 9, ADR 0060).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The example organisation's records (read-only: copy it before changing anything). */
export const exampleOrgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../tests/fixtures/example-org");

export const RECORD_PATHS = ["sitrep.config.yaml", "incidents", "postmortems", "runbooks", "oncall"];

/** Copies the example organisation (config + incidents + postmortems + runbooks + on-call schedules) into `dir`. */
export function copyExampleRecords(dir: string): void {
  for (const entry of RECORD_PATHS) cpSync(path.join(exampleOrgRoot, entry), path.join(dir, entry), { recursive: true });
}

/** A temp copy of the example organisation. */
export function copyExampleRepo(prefix = "sitrep-example-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  copyExampleRecords(dir);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
