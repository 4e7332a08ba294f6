// vitest globalSetup: one scratch folder per `vitest run`, shared by every worker and project
// (keyed by the main process id, which both projects' setups see), for site builds made once per
// run (tests/helpers/shared-site.ts). Under node_modules/.cache because Astro's build output
// imports Astro's dependencies (see siteWorkDir). Removed when the run ends.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../helpers/run-cli.ts";

export default function setup(project: TestProject): () => void {
  const runDir = path.join(repoRoot, "node_modules", ".cache", "sitrep-site", `run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    runDir: string;
  }
}
