// A temp copy of the bundled example records (config + incidents + postmortems + runbooks).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./run-cli.ts";

export const RECORD_PATHS = ["sitrep.config.yaml", "incidents", "postmortems", "runbooks"];

export function copyExampleRepo(prefix = "sitrep-example-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const entry of RECORD_PATHS) cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
