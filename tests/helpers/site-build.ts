// Builds the Astro site (and its Pagefind index) into a temp folder, as `npm run build` does,
// with the environment the build reads: records root, audience, site URL and a fixed clock.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { repoRoot, TEST_NOW } from "./run-cli.ts";
import { exampleOrgRoot } from "./example-repo.ts";

export const astroBin = path.join(repoRoot, "node_modules/astro/bin/astro.mjs");
export const pagefindBin = path.join(repoRoot, "node_modules/pagefind/lib/runner/bin.cjs");
export const siteDir = path.join(repoRoot, "site");

export interface SiteBuildOptions {
  /** Records root; default the example organisation fixture (never the root records). */
  recordsRoot?: string;
  audience?: "public" | "internal";
  /** Overrides config site.url (its path becomes the base path). */
  siteUrl?: string;
  now?: string;
  /** Also index the site with Pagefind (the search page needs it). */
  pagefind?: boolean;
  outDir?: string;
  /** cleanup() leaves `outDir` in place (its owner removes it). */
  keepOutDir?: boolean;
}

export interface SiteBuild {
  outDir: string;
  code: number;
  stdout: string;
  stderr: string;
  cleanup(): void;
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * A fresh folder for one build, with the output inside it. Astro writes its prerender chunks
 * into the output (or into <cwd>/.astro/ when the output is outside the working directory,
 * which parallel builds would share), and those chunks import Astro's dependencies, so the
 * folder must sit where node_modules resolves: under node_modules/.cache/, never in /tmp.
 */
export function siteWorkDir(): string {
  const parent = path.join(repoRoot, "node_modules", ".cache", "sitrep-site");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, "build-"));
}

export async function buildSite(options: SiteBuildOptions = {}): Promise<SiteBuild> {
  const work = siteWorkDir();
  const outDir = options.outDir ?? path.join(work, "dist");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    ASTRO_TELEMETRY_DISABLED: "1",
    SITREP_OUT_DIR: outDir,
    SITREP_NOW: options.now ?? TEST_NOW,
    SITREP_AUDIENCE: options.audience ?? "public",
    SITREP_ROOT: options.recordsRoot ?? exampleOrgRoot,
    SITREP_SITE_URL: options.siteUrl ?? "",
  };
  const cleanup = () => {
    rmSync(work, { recursive: true, force: true });
    if (options.outDir && !options.keepOutDir) rmSync(options.outDir, { recursive: true, force: true });
  };
  const built = await run([astroBin, "build", "--root", siteDir], env, work);
  if (built.code !== 0 || !options.pagefind) return { outDir, ...built, cleanup };
  const indexed = await run([pagefindBin, "--site", outDir], env, work);
  return { outDir, code: indexed.code, stdout: built.stdout + indexed.stdout, stderr: built.stderr + indexed.stderr, cleanup };
}
