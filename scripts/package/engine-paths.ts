// What a copy of the sitrep template holds that a records repository no longer needs once the
// engine comes from the package: the engine, its tests, benchmarks, fakes, decisions and tool
// configuration. Used to recognise such a copy and to convert it in place.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const ENGINE_PATHS = [
  "scripts",
  "site",
  "schema",
  "template",
  "tests",
  "bench",
  "testkit",
  "docs",
  ".ci",
  ".changeset",
  ".github/workflows/release.yml",
  "tsconfig.json",
  "vitest.config.ts",
  ".dependency-cruiser.cjs",
  "biome.json",
  "package-lock.json",
  ".nvmrc",
  ".editorconfig",
  "LICENSE",
  "CHANGELOG.md",
];

/** True when `dir` is a copy of the sitrep template (the engine inside), not a records repository. */
export function isTemplateCopy(dir: string): boolean {
  const pkgFile = path.join(dir, "package.json");
  if (!existsSync(path.join(dir, "scripts", "sitrep.mjs")) || !existsSync(pkgFile)) return false;
  try {
    return (JSON.parse(readFileSync(pkgFile, "utf8")) as { name?: unknown }).name === "sitrep";
  } catch {
    return false;
  }
}
