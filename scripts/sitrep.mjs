#!/usr/bin/env node
// The `sitrep` command (package.json "bin"). Plain JavaScript on purpose: in a fresh clone, before
// `npm ci`, `npx sitrep` runs on whatever Node the system has (often 20), which cannot load the
// TypeScript entry and would print a stack trace. This file runs on any Node since 14, checks the
// runtime and the install, and only then loads scripts/cli.ts. See docs/decisions/0068.
import { existsSync } from "node:fs";

const NEEDED_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);
// A dependency every command loads: when it is missing, `npm ci` has not run here.
const installed = existsSync(new URL("../node_modules/yaml/package.json", import.meta.url));

if (major < NEEDED_MAJOR || !installed) {
  const why = !installed ? "its dependencies are not installed" : `it needs Node ${NEEDED_MAJOR} and this is Node ${process.versions.node}`;
  process.stderr.write(`sitrep cannot start: ${why}. Run \`npm ci\` in this repository (it brings Node ${NEEDED_MAJOR}), then \`npx sitrep …\` again.\n`);
  process.exit(2);
}

// Before the first TypeScript module loads: with the compile cache on, Node reuses the stripped
// and compiled code of every module from the last run and never loads its type stripper, which
// halves the start-up of a command (`sitrep --version`: 0.28 s -> 0.12 s; ADR 0068).
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
const { run } = await import("./cli.ts");
process.exitCode = await run(process.argv.slice(2));
