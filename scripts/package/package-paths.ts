// Where the installed engine keeps what a records repository does not: the Astro site, the
// generated-file templates and its own package.json. Found from this file, so it holds both in
// this repository (the engine's home) and under a records repository's node_modules/sitrep/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder (this repository, or node_modules/sitrep). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const siteDir = path.join(packageRoot, "site");

export interface PackageInfo {
  name: string;
  version: string;
  /** The Node range sitrep pins for itself (devDependency `node`), which records repositories pin too. */
  nodeRange: string;
}

export function packageInfo(): PackageInfo {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as {
    name: string;
    version: string;
    devDependencies?: Record<string, string>;
  };
  return { name: pkg.name, version: pkg.version, nodeRange: pkg.devDependencies?.node ?? "^24" };
}
