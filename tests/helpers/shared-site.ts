// Site builds made once per test run and shared by the files that check them (e.g. the build
// output checks and the browser checks of the public site): the first file to ask builds, the
// others wait for it. Keyed by a name the caller chooses per fixture; a different fixture needs a
// different name. Lives in the run folder (tests/setup/run-dir.ts), removed after the run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { buildSite, type SiteBuildOptions } from "./site-build.ts";

export interface SharedSite {
  outDir: string;
  /** Where the records were prepared (they stay for the run, e.g. for CLI runs on them). */
  recordsRoot: string;
}

/**
 * The build of `name`: `prepare(recordsDir)` writes the records (and returns extra build
 * options); built once per run. Throws with the build's output when the build failed.
 */
export async function sharedSite(
  name: string,
  prepare: (recordsDir: string) => Omit<SiteBuildOptions, "recordsRoot" | "outDir"> | undefined,
): Promise<SharedSite> {
  const runDir = inject("runDir");
  if (!runDir)
    throw new Error("sharedSite needs the run folder: add tests/setup/run-dir.ts to this project's globalSetup in vitest.config.ts");
  const dir = path.join(runDir, name);
  const result = path.join(dir, "result.json");
  const site: SharedSite = { outDir: path.join(dir, "dist"), recordsRoot: path.join(dir, "records") };
  try {
    mkdirSync(dir); // atomic: whoever creates it builds
  } catch {
    for (let waited = 0; !existsSync(result); waited += 200) {
      if (waited > 600_000) throw new Error(`waited 10 minutes for the shared site build ${name} in ${dir}`);
      await sleep(200);
    }
    return check(name, site, result);
  }
  let outcome: { code: number; output: string };
  try {
    mkdirSync(site.recordsRoot);
    const options = prepare(site.recordsRoot) ?? {};
    const build = await buildSite({ ...options, recordsRoot: site.recordsRoot, outDir: site.outDir, keepOutDir: true });
    outcome = { code: build.code, output: `${build.stderr.slice(-3000)}\n${build.stdout.slice(-2000)}` };
    build.cleanup();
  } catch (error) {
    outcome = { code: -1, output: String((error as Error)?.stack ?? error) };
  }
  writeFileSync(result, JSON.stringify(outcome));
  return check(name, site, result);
}

function check(name: string, site: SharedSite, result: string): SharedSite {
  const outcome = JSON.parse(readFileSync(result, "utf8")) as { code: number; output: string };
  if (outcome.code !== 0) throw new Error(`site build ${name} failed (${outcome.code}):\n${outcome.output}`);
  return site;
}
