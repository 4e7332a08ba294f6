// The history worker's entry. Module-load hooks are per thread: installed as a package (under
// node_modules), the worker must register sitrep's TypeScript hook before it loads its .ts body.
import { allowTypeScriptInPackage, installedAsPackage } from "../typescript-in-package.mjs";

if (installedAsPackage()) allowTypeScriptInPackage();
await import("./history-worker.ts");
