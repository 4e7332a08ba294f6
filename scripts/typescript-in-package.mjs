// Lets Node run sitrep's TypeScript when sitrep is installed as a package. Node strips types
// itself, but refuses to for files under node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING):
// installed in a records repository, every engine file is under node_modules. This module-load
// hook strips the types of sitrep's own .ts files with Node's own stripper (module.stripTypeScriptTypes,
// the same code Node runs for files outside node_modules), so the package ships its sources as they
// are, with no build step (docs/decisions/0150). Plain JavaScript: the launcher loads it before any
// TypeScript, and a worker thread loads it before its own .ts body (hooks are per thread).
import { readFileSync } from "node:fs";
import { registerHooks, stripTypeScriptTypes } from "node:module";

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
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith(packageUrl) && url.endsWith(".ts") && !url.slice(packageUrl.length).includes("/node_modules/")) {
        const source = readFileSync(new URL(url), "utf8");
        return { format: "module", source: stripTypeScriptTypes(source), shortCircuit: true };
      }
      return nextLoad(url, context);
    },
  });
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
