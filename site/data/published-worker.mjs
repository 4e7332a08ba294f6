// The entry of the thread that makes the site's published files (published-off-thread.ts starts
// it). Plain JavaScript on purpose, like scripts/sitrep.mjs: a worker thread does not inherit its
// parent's module hooks, and installed as a package every engine file lies under node_modules,
// where Node strips no types unless this thread registers the hook first (docs/decisions/0150).
import { enableCompileCache } from "node:module";

// The compiled modules of the last build, as the CLI and the config reuse them (ADR 0068).
enableCompileCache?.();
const { allowTypeScriptInPackage, installedAsPackage } = await import("../../scripts/typescript-in-package.mjs");
if (installedAsPackage()) allowTypeScriptInPackage();
await import("./published-in-worker.ts");
