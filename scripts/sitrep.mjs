#!/usr/bin/env node
// The `sitrep` command (package.json "bin"). Plain JavaScript on purpose: in a fresh clone, before
// `npm ci`, `npx sitrep` runs on whatever Node the system has (often 20), which cannot load the
// TypeScript entry and would print a stack trace. This file runs on any Node since 14, checks the
// runtime and the install, and only then loads scripts/cli.ts. See docs/decisions/0068.
import { createRequire } from "node:module";

const NEEDED_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);
// A dependency every command loads: when it is missing, `npm ci` has not run here. Resolved as Node
// resolves it, so it is found beside sitrep (this repository) or hoisted above it (a records
// repository that installed sitrep as a package).
const installed = resolves("yaml");

if (major < NEEDED_MAJOR || !installed) {
  const why = !installed ? "its dependencies are not installed" : `it needs Node ${NEEDED_MAJOR} and this is Node ${process.versions.node}`;
  process.stderr.write(
    `sitrep cannot start: ${why}. Run \`npm ci\` in this repository (it brings Node ${NEEDED_MAJOR}), then \`npx sitrep …\` again.\n`,
  );
  process.exit(2);
}

// Before the records are read: V8 may decide, depending on when its collections happen to fall,
// to allocate a reading's short-lived objects straight into the old generation, which then fills
// with garbage (validate on 10,000 records: half the runs at ~200 MB and +0.3 s, decision 0198).
// Without allocation-site pretenuring every run takes the fast path; metrics is unchanged. The
// commands that run Astro in this process (build, dev, preview) keep V8's default: unmeasured.
if (!["build", "dev", "preview"].includes(process.argv[2])) {
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString("--no-allocation-site-pretenuring");
}

// Before the first TypeScript module loads: with the compile cache on, Node reuses the stripped
// and compiled code of every module from the last run and never loads its type stripper, which
// halves the start-up of a command (`sitrep --version`: 0.28 s -> 0.12 s; ADR 0068).
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
// Installed as a package, the engine lies under node_modules, where Node does not strip types itself.
const { allowTypeScriptInPackage, installedAsPackage } = await import("./typescript-in-package.mjs");
if (installedAsPackage()) allowTypeScriptInPackage();
const { run } = await import("./cli.ts");
process.exitCode = await run(process.argv.slice(2));

function resolves(name) {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
