// Where the engine may keep what it learned in one run for the next: `.cache/<name>` in the
// node_modules folder it runs from, the place build tools keep their caches (it goes with
// `rm -rf node_modules`, and whoever installed the packages may write it). Installed, that is the
// records repository's node_modules; in sitrep's own checkout, the checkout's.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { installedNodeModules } from "../typescript-in-package.mjs";

/** The engine's root folder: this repository, or node_modules/sitrep. */
const engineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The node_modules folder the engine's packages come from, or undefined when there is none. */
export function engineNodeModules(root = engineRoot): string | undefined {
  // Installed: the folder the launcher's load hook keeps its stripped files in too.
  const installed = installedNodeModules(pathToFileURL(`${root}${path.sep}`).href);
  if (installed !== undefined) return installed;
  const own = path.join(root, "node_modules");
  return existsSync(own) ? own : undefined;
}

/** `<node_modules>/.cache/<name>`, or undefined when the engine runs without a node_modules folder. */
export function engineCacheDir(name: string, root = engineRoot): string | undefined {
  const modules = engineNodeModules(root);
  return modules === undefined ? undefined : path.join(modules, ".cache", name);
}
