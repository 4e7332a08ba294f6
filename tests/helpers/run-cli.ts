// Runs the real CLI as a subprocess (Node 24, type stripping), as a user would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What `npx sitrep` runs: the launcher, which turns on the compile cache before the CLI loads. */
export const cliPath = path.join(repoRoot, "scripts/sitrep.mjs");
/** The fixed clock of every test, so policy rules and relative times are reproducible. */
export const TEST_NOW = "2026-11-22T12:00:00Z";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", SITREP_NOW: TEST_NOW, ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
