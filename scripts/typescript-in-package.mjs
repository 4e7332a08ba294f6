// Lets Node run sitrep's TypeScript when sitrep is installed as a package. Node strips types
// itself, but refuses to for files under node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING):
// installed in a records repository, every engine file is under node_modules. This module-load
// hook strips the types of sitrep's own .ts files with Node's own stripper (module.stripTypeScriptTypes,
// the same code Node runs for files outside node_modules), so the package ships its sources as they
// are, with no build step (docs/decisions/0150). Plain JavaScript: the launcher loads it before any
// TypeScript.
//
// The stripped text is kept in the records repository's node_modules/.cache, keyed by the source
// and the Node version: loading the stripper (a WebAssembly module) and running it was a third of
// the CPU of `sitrep status` in an installed package, on every run (docs/decisions/0187).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { registerHooks, stripTypeScriptTypes } from "node:module";
import { fileURLToPath } from "node:url";

const REGISTERED = Symbol.for("sitrep.typescript-in-package");

/** True when this file, and so the whole engine, lies under a node_modules folder. */
export function installedAsPackage() {
  return import.meta.url.includes("/node_modules/");
}

/**
 * Registers the hook for .ts files inside the package folder (`packageUrl`, ending in "/"), once
 * per thread. Other packages' files are left to Node.
 */
export function allowTypeScriptInPackage(packageUrl = new URL("../", import.meta.url).href) {
  const holder = /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis));
  if (holder[REGISTERED]) return;
  holder[REGISTERED] = true;
  quietStripperWarning();
  const cacheDir = strippedCacheDir(packageUrl);
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith(packageUrl) && url.endsWith(".ts") && !url.slice(packageUrl.length).includes("/node_modules/")) {
        const source = readFileSync(new URL(url), "utf8");
        return { format: "module", source: stripWithCache(source, cacheDir), shortCircuit: true };
      }
      return nextLoad(url, context);
    },
  });
}

/**
 * Where an installed engine keeps its stripped files: `.cache/sitrep-stripped` in the node_modules
 * folder it was installed into, the place build tools keep their caches (it goes with
 * `rm -rf node_modules`, and it is writable by whoever installed the package). Undefined when the
 * package is not under node_modules.
 */
export function strippedCacheDir(packageUrl) {
  const modules = installedNodeModules(packageUrl);
  return modules === undefined ? undefined : `${modules}/.cache/sitrep-stripped/`;
}

/** The node_modules folder the package at `packageUrl` is installed into (a path), or undefined when it is not under one. */
export function installedNodeModules(packageUrl) {
  const at = packageUrl.lastIndexOf("/node_modules/");
  if (at < 0) return undefined;
  return fileURLToPath(`${packageUrl.slice(0, at)}/node_modules`);
}

/**
 * The source with its types stripped, from `cacheDir` when this Node stripped the same text
 * before. The key is a hash of the Node version and the source, so an edited file or another
 * Node never gets another's output. A cache that cannot be read or written (a read-only install)
 * only costs the stripping.
 */
export function stripWithCache(source, cacheDir) {
  if (!cacheDir) return stripTypeScriptTypes(source);
  const key = createHash("sha256").update(process.version).update("\0").update(source).digest("hex");
  const file = `${cacheDir}${key}.js`;
  try {
    return readFileSync(file, "utf8");
  } catch {
    // Not stripped yet by this Node (or unreadable): strip and keep it below.
  }
  const stripped = stripTypeScriptTypes(source);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole under a name of its own, then renamed: a run that reads it at the same
    // moment sees all of it or none.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, stripped);
    renameSync(partial, file);
  } catch {
    // Not writable here: the next run strips again.
  }
  return stripped;
}

// stripTypeScriptTypes prints an ExperimentalWarning on first use; Node prints none when it strips
// the same files itself. Drop that one warning, keep every other.
function quietStripperWarning() {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (String(warning).includes("stripTypeScriptTypes")) return;
    // @ts-expect-error: forwarding the overloads as they came
    return emit.call(process, warning, ...rest);
  };
}
