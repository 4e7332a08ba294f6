// Shared by the bench rows that build sites: a bare Astro project of N trivial pages (the floor:
// the least any Astro site of that size costs), a work folder where Astro's prerender chunks can
// resolve node_modules, and `astro build` as a measured whole process.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, type ProcessMeasurement } from "./row.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const astroBin = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");

/** A bare Astro project that renders `pages` trivial pages from one dynamic route. */
export function floorProject(pages: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-bench-astro-floor-"));
  mkdirSync(path.join(dir, "src/pages"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", private: true, type: "module" }));
  // The same page concurrency as sitrep's site (site/astro.config.ts): four pages at a time makes
  // a bare build faster too (1,120 pages, quiet: 3.89 -> 3.32 s), so the floor gets it as well.
  writeFileSync(path.join(dir, "astro.config.mjs"), "export default { build: { concurrency: 4 } };\n");
  writeFileSync(
    path.join(dir, "src/pages/[id].astro"),
    [
      "---",
      `export function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } })); }`,
      "const { id } = Astro.params;",
      "---",
      '<html lang="en"><head><title>Page {id}</title></head><body><h1>Page {id}</h1><p>Trivial content.</p></body></html>',
    ].join("\n"),
  );
  return dir;
}

/**
 * `astro build` as a whole process. It runs in `cwd` with the output inside it: Astro puts its
 * prerender chunks in <cwd>/.astro/ when the output is elsewhere, which parallel builds would share,
 * and those chunks import Astro's dependencies (so the folder lives under node_modules/.cache/).
 */
export async function astroBuild(cwd: string, args: string[], env: Record<string, string>): Promise<ProcessMeasurement> {
  const result = await measureProcess(process.execPath, [astroBin, "build", ...args], {
    cwd,
    env: { ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", ...env },
  });
  if (result.code !== 0)
    throw new Error(`astro build ${args.join(" ")} failed: ${result.stderr.slice(-2000)}${result.stdout.slice(-1000)}`);
  return result;
}

/** A build folder with the output inside, where Astro's prerender chunks can resolve node_modules. */
export function siteWorkDir(): string {
  const parent = path.join(repoRoot, "node_modules", ".cache", "sitrep-site");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, "bench-"));
}
