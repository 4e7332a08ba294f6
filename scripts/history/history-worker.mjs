// The history worker's entry. Module-load hooks are per thread: installed as a package (under
// node_modules), the worker must register sitrep's TypeScript hook before it loads its .ts body.
import { enableCompileCache } from "node:module";
import { allowTypeScriptInPackage, installedAsPackage } from "../typescript-in-package.mjs";

// The compile cache is per thread too: without it this thread loaded Node's TypeScript stripper
// and stripped every module again on each run (0.4–0.7 s before git log could start; with it,
// 0.12 s), like the main thread does in sitrep.mjs (ADR 0068).
enableCompileCache?.();
if (installedAsPackage()) allowTypeScriptInPackage();
await import("./history-worker.ts");
